using System.Text.Json.Serialization;

namespace AutoReply.Domain.Policy;

/// <summary>What one rule of the evaluation made of an event, as the explain endpoint shows it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleVerdict>))]
public enum RuleVerdict
{
    /// <summary>The rule let the reply through.</summary>
    [JsonStringEnumMemberName("passed")] Passed,

    /// <summary>The rule stops the reply: its name is the decision's reason.</summary>
    [JsonStringEnumMemberName("suppressed")] Suppressed,

    /// <summary>An earlier rule stopped the reply; what this one would have found is still said.</summary>
    [JsonStringEnumMemberName("not_reached")] NotReached,
}
