using AutoReply.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;
using AutoReply.Domain.People;

namespace AutoReply.RulesApi.People;

/// <summary>In Development only: one person, owner of the default workspace, to sign in with at once.</summary>
public static class DevelopmentPerson
{
    public const string Email = "owner@example.com";
    public const string Password = "development-only-password";

    public static async Task SeedDevelopmentPersonAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var db = scope.ServiceProvider.GetRequiredService<RulesDbContext>();
        try
        {
            var person = await people.FindByEmailAsync(Email);
            if (person is null)
            {
                person = new Person { Id = Guid.CreateVersion7(), UserName = Email, Email = Email, EmailConfirmed = true };
                var created = await people.CreateAsync(person, Password);
                if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                {
                    return; // another replica created it at the same moment
                }
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"The development person could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
            if (!await db.Memberships.AnyAsync(m => m.WorkspaceId == DefaultWorkspace.Id && m.PersonId == person.Id))
            {
                db.Memberships.Add(new Membership { WorkspaceId = DefaultWorkspace.Id, PersonId = person.Id, Role = WorkspaceRole.Owner, AddedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another replica seeded it at the same moment.
        }
    }
}
