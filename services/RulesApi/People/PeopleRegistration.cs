using AutoReply.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using AutoReply.Domain.Data;
using AutoReply.Domain.People;

namespace AutoReply.RulesApi.People;

public static class PeopleRegistration
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// People with ASP.NET Core Identity: password hashes and lockout in PostgreSQL, sign-in with
    /// Identity's bearer tokens, protected by keys every replica reads from the same table.
    /// </summary>
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<Person>(options =>
            {
                // The tables the migrations create (no passkeys), whatever Identity's default becomes.
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase, no forced symbols.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
            })
            .AddEntityFrameworkStores<SchemaDbContext>()
            .AddSignInManager();
        builder.Services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1));
        builder.Services.AddDataProtection().SetApplicationName("autoreply-rules").PersistKeysToDbContext<SchemaDbContext>();
        builder.Services.AddScoped<IPersonAuthenticator, PersonAuthenticator>();
        builder.Services.AddSingleton<MemberRequestValidator>();
        return builder;
    }
}
