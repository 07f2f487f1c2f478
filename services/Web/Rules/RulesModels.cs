using AutoReply.Contracts;
using AutoReply.Security;

namespace AutoReply.Web.Rules;

// The rules API's bodies as the web app reads and writes them (docs/http-api.md).

public sealed record PersonTokens(string AccessToken, int ExpiresIn, string RefreshToken);

public sealed record PersonWorkspace(Guid WorkspaceId, string Name, WorkspaceRole Role);

public sealed record SignedInPerson(Guid Id, string Email, List<PersonWorkspace> Workspaces);

public sealed record NumberSummary(string PhoneNumber, string Name, string TimeZone, int ActiveAutoReplies);

public sealed record HoursRange(string Open, string Close);

public sealed record HoursOverride(string Date, List<HoursRange> Hours);

/// <summary>A number's settings, as rules stores them and as the web app sends them back whole (PUT replaces).</summary>
public sealed record NumberSettings(
    string Name,
    string TimeZone,
    Dictionary<string, List<HoursRange>> BusinessHours,
    List<HoursOverride> Overrides,
    string Cooldown,
    string RecentActivityWindow,
    string MaxEventAge);

public sealed record AutoReplySlot(
    Guid Id,
    Trigger Trigger,
    Schedule Schedule,
    string Message,
    string Delay,
    string Preview,
    string Conditions,
    string Encoding,
    int Segments,
    DateTimeOffset UpdatedAt);

public sealed record MessagePreview(string Preview, string Encoding, int Segments, List<string> Variables);

public sealed record ExampleMessage(string Id, string Title, string Scenario, string Message);

public sealed record DecisionEntry(
    Guid Id,
    string EventId,
    string EventType,
    string PhoneNumber,
    string Contact,
    Trigger Trigger,
    Outcome Outcome,
    SuppressionReason? Reason,
    Guid? AutoReplyId,
    DateTimeOffset OccurredAt,
    DateTimeOffset DecidedAt,
    DateTimeOffset? DueAt,
    string? Message,
    DeliveryState? State,
    string? ErrorCode,
    string? Error);

public sealed record RuleCheck(SuppressionReason Rule, RuleVerdict Verdict, string Detail, DateTimeOffset? At);

public sealed record SlotChosen(Trigger Trigger, Schedule Schedule, string Conditions, Guid? AutoReplyId);

public sealed record HoursThatApplied(string Date, string TimeZone, bool Open, bool Override, List<HoursRange> Hours);

/// <summary>What a decision would be, and why (<c>POST /v1/numbers/{phoneNumber}/explain</c>).</summary>
public sealed record Explanation(
    Outcome Outcome,
    SuppressionReason? Reason,
    DateTimeOffset At,
    DateTimeOffset DecidedAt,
    SlotChosen Slot,
    HoursThatApplied Hours,
    string? Message,
    string? Encoding,
    int? Segments,
    List<RuleCheck> Rules);
