using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace AutoReply.Contracts;

/// <summary>
/// The one spelling of each value of AutoReply's vocabularies (event types, triggers, outcomes,
/// reasons, delivery states…): the <see cref="JsonStringEnumMemberNameAttribute"/> of its enum
/// member. JSON on the wire and on the HTTP API uses it through the enum's converter; the
/// databases store it through this class; nothing else spells it.
/// </summary>
public static class Vocabulary
{
    /// <summary>The name of <paramref name="value"/>.</summary>
    /// <typeparam name="TValue">A vocabulary.</typeparam>
    /// <param name="value">One of its values.</param>
    public static string Name<TValue>(TValue value) where TValue : struct, Enum => Names<TValue>.ByValue[value];

    /// <summary>The value named <paramref name="name"/>, if it is one (names are case-sensitive).</summary>
    /// <typeparam name="TValue">A vocabulary.</typeparam>
    /// <param name="name">A name, or none.</param>
    /// <param name="value">The value it names.</param>
    public static bool TryParse<TValue>(string? name, out TValue value) where TValue : struct, Enum =>
        Names<TValue>.ByName.TryGetValue(name ?? "", out value);

    /// <summary>The value named <paramref name="name"/>; anything else throws.</summary>
    /// <typeparam name="TValue">A vocabulary.</typeparam>
    /// <param name="name">A name.</param>
    public static TValue Parse<TValue>(string name) where TValue : struct, Enum =>
        TryParse<TValue>(name, out var value) ? value : throw new ArgumentOutOfRangeException(nameof(name), name, $"Not a {typeof(TValue).Name}.");

    /// <summary>Every name, in declaration order, as error messages list them.</summary>
    /// <typeparam name="TValue">A vocabulary.</typeparam>
    public static IReadOnlyList<string> All<TValue>() where TValue : struct, Enum => Names<TValue>.InOrder;

    private static class Names<TValue> where TValue : struct, Enum
    {
        public static readonly FrozenDictionary<TValue, string> ByValue = Enum.GetValues<TValue>().ToFrozenDictionary(value => value, NameOf);
        public static readonly FrozenDictionary<string, TValue> ByName = ByValue.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
        public static readonly string[] InOrder = [.. Enum.GetValues<TValue>().Select(value => ByValue[value])];

        private static string NameOf(TValue value) =>
            typeof(TValue).GetField(value.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(TValue).Name}.{value} has no JsonStringEnumMemberName.");
    }
}
