using AutoReply.Domain.Numbers;

namespace AutoReply.Domain.Choices;

/// <summary>
/// The limits and defaults of a number's and an auto-reply's settings: the API validates against
/// them and serves them (<c>GET /v1/choices</c>) so forms offer exactly what it accepts.
/// </summary>
public static class SettingChoices
{
    /// <summary>The longest a reply may wait for a person to answer first (docs/behaviour.md).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>The delays a form offers: none, up to <see cref="MaxDelay"/>.</summary>
    public static readonly IReadOnlyList<TimeSpan> Delays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), MaxDelay];

    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromHours(3);
    public static readonly TimeSpan DefaultRecentActivityWindow = TimeSpan.FromHours(3);
    public static readonly TimeSpan DefaultMaxEventAge = TimeSpan.FromMinutes(15);

    /// <summary>The windows a form offers for the cooldown, the recent-activity window and the maximum event age.</summary>
    public static readonly IReadOnlyList<TimeSpan> Windows =
    [
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(3), BusinessNumber.MaxWindow,
    ];
}
