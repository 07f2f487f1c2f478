using AutoReply.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Microsoft.Extensions.Hosting;

public static class VocabularyConventions
{
    /// <summary>
    /// Stores every vocabulary of the contracts (event types, triggers, outcomes, reasons, delivery
    /// states…), and the service's own <paramref name="vocabularies"/> (enums named the same way),
    /// as the same name the bus and the API use, so a row reads as the API answers it.
    /// </summary>
    public static ModelConfigurationBuilder StoreVocabulariesByName(this ModelConfigurationBuilder configuration, params Type[] vocabularies)
    {
        foreach (var vocabulary in typeof(Vocabulary).Assembly.GetTypes().Where(type => type.IsEnum && type.IsPublic).Concat(vocabularies))
        {
            configuration.Properties(vocabulary).HaveConversion(typeof(VocabularyConverter<>).MakeGenericType(vocabulary));
        }
        return configuration;
    }

    private sealed class VocabularyConverter<TValue>() : ValueConverter<TValue, string>(value => Vocabulary.Name(value), name => Vocabulary.Parse<TValue>(name))
        where TValue : struct, Enum;
}
