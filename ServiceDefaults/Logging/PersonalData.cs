using Microsoft.Extensions.Compliance.Classification;

namespace AutoReply.ServiceDefaults.Logging;

/// <summary>
/// The personal data AutoReply handles. Log parameters carry one of these attributes and the
/// redaction engine masks them before any sink (console, OTLP) sees them.
/// </summary>
public static class PersonalData
{
    public const string TaxonomyName = "AutoReply";

    /// <summary>A contact's or business's phone number: kept recognisable, not readable.</summary>
    public static DataClassification PhoneNumber { get; } = new(TaxonomyName, nameof(PhoneNumber));

    /// <summary>A text message's body: never written at all.</summary>
    public static DataClassification MessageBody { get; } = new(TaxonomyName, nameof(MessageBody));
}

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PhoneNumberAttribute() : DataClassificationAttribute(PersonalData.PhoneNumber);

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MessageBodyAttribute() : DataClassificationAttribute(PersonalData.MessageBody);
