namespace AutoReply.ServiceDefaults.Telemetry;

/// <summary>
/// The buckets of every duration histogram, in milliseconds: from 1 ms to 10 s, so a percentile read
/// from them means something at both ends (OpenTelemetry's defaults start at 0, 5, 10, … and were
/// meant for milliseconds, which made a histogram in seconds one bucket wide).
/// </summary>
public static class DurationBuckets
{
    public const string Unit = "ms";

    public static readonly IReadOnlyList<double> Milliseconds = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000];
}
