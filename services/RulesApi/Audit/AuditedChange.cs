using System.Security.Claims;
using AutoReply.Domain.Data;

namespace AutoReply.RulesApi.Audit;

/// <summary>
/// What every change to a workspace's configuration is made with, bound with <c>[AsParameters]</c>:
/// who makes it, the data, the audit trail it is recorded in (in the change's own transaction), the
/// clock, and the request's cancellation.
/// </summary>
public sealed record AuditedChange(ClaimsPrincipal User, RulesDbContext Db, AuditTrail Audit, TimeProvider Clock, CancellationToken CancellationToken);
