using System.Security.Claims;

namespace AutoReply.RulesApi;

/// <summary>Who asks, and until when the answer is wanted: bound with <c>[AsParameters]</c> by the reads that need more than that.</summary>
public sealed record Caller(ClaimsPrincipal User, CancellationToken CancellationToken);
