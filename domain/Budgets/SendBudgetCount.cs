namespace AutoReply.Domain.Budgets;

/// <summary>The texts one number or one workspace has sent on one day (UTC).</summary>
public sealed class SendBudgetCount
{
    public required string Scope { get; init; }

    public required DateOnly Day { get; init; }

    public int Sent { get; set; }

    /// <summary>When a reply was first refused for this budget: its one log line.</summary>
    public DateTimeOffset? ExhaustedAt { get; set; }

    public const string NumberPrefix = "number:";
    private const string WorkspacePrefix = "workspace:";

    public static string NumberScope(string phoneNumber) => NumberPrefix + phoneNumber;

    public static string WorkspaceScope(Guid workspaceId) => WorkspacePrefix + workspaceId;

    /// <summary>The number whose budget this is; null for a workspace's.</summary>
    public string? PhoneNumberOf() => Scope.StartsWith(NumberPrefix, StringComparison.Ordinal) ? Scope[NumberPrefix.Length..] : null;

    /// <summary>The workspace whose budget this is; null for a number's.</summary>
    public Guid? WorkspaceIdOf() => Scope.StartsWith(WorkspacePrefix, StringComparison.Ordinal) ? Guid.Parse(Scope[WorkspacePrefix.Length..]) : null;
}
