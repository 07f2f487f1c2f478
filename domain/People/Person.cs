using Microsoft.AspNetCore.Identity;

namespace AutoReply.Domain.People;

/// <summary>Someone who signs in (ASP.NET Core Identity keeps the password hash and the lockout); a member of workspaces.</summary>
public sealed class Person : IdentityUser<Guid>;
