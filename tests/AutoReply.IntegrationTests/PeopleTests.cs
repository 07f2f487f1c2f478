using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AutoReply.Contracts;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using AutoReply.Domain.Audit;
using AutoReply.RulesApi.Audit;
using AutoReply.RulesApi.People;

namespace AutoReply.IntegrationTests;

/// <summary>People who sign in (ASP.NET Core Identity in PostgreSQL) and their roles in workspaces, through the rules API.</summary>
public sealed class PeopleTests(RealServers servers) : IAsyncDisposable
{
    private const string Password = "a long enough password";
    private readonly ServiceFactory<RulesApi.Program> rules = new(servers);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task A_person_signs_in_and_reaches_only_the_workspace_they_are_a_member_of_and_name()
    {
        var (workspaceId, email) = await WorkspaceWithMemberAsync(WorkspaceRole.Member);
        var otherWorkspace = await Workspaces.CreateWorkspaceAsync("Not theirs");
        var token = await SignInAsync(email, Password);

        using var inWorkspace = PersonClient(token, workspaceId);
        var me = await inWorkspace.GetFromJsonAsync<PersonResponse>("/v1/people/me", Cancellation);
        Assert.Equal([(workspaceId, WorkspaceRole.Member)], me!.Workspaces.Select(w => (w.WorkspaceId, w.Role)));
        var number = TestData.PhoneNumber();
        Assert.Equal(HttpStatusCode.Created, (await inWorkspace.PutAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", TestData.NeverOpen("Member's Cafe"), Cancellation)).StatusCode);

        using var elsewhere = PersonClient(token, otherWorkspace);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/v1/workspaces/{otherWorkspace}/members", Cancellation)).StatusCode);
        using var nowhere = PersonClient(token, workspaceId: null);
        Assert.Equal(HttpStatusCode.Forbidden, (await nowhere.GetAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_ones_lock_the_account_even_against_the_right_one()
    {
        var (_, email) = await WorkspaceWithMemberAsync(WorkspaceRole.Member);
        using var anonymous = rules.CreateClient();

        for (var attempt = 0; attempt < PeopleRegistration.MaxFailedSignIns; attempt++)
        {
            var refused = await anonymous.PostAsJsonAsync("/v1/people/login", new { email, password = "not the password" }, Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var locked = await anonymous.PostAsJsonAsync("/v1/people/login", new { email, password = Password }, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", (await locked.Content.ReadAsStringAsync(Cancellation)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_cannot_manage_keys_or_people_and_an_admin_can_but_cannot_make_an_owner()
    {
        var (workspaceId, memberEmail) = await WorkspaceWithMemberAsync(WorkspaceRole.Member);
        var adminEmail = await AddMemberAsync(workspaceId, WorkspaceRole.Admin);
        using var member = PersonClient(await SignInAsync(memberEmail, Password), workspaceId);
        using var admin = PersonClient(await SignInAsync(adminEmail, Password), workspaceId);
        var newKey = new { name = "from a person", scopes = new[] { ApiScopes.EventsWrite } };
        var newMember = new { email = $"{Guid.NewGuid():N}@example.com", role = "member", password = Password };

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/v1/workspaces/{workspaceId}/keys", newKey, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/v1/workspaces/{workspaceId}/keys", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/v1/workspaces/{workspaceId}/members", newMember, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/v1/workspaces/{workspaceId}/keys", newKey, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/v1/workspaces/{workspaceId}/members", newMember, Cancellation)).StatusCode);
        var owner = await admin.PostAsJsonAsync($"/v1/workspaces/{workspaceId}/members", newMember with { email = $"{Guid.NewGuid():N}@example.com", role = "owner" }, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, owner.StatusCode);
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed_and_a_removed_member_reaches_the_workspace_no_more()
    {
        var (workspaceId, memberEmail) = await WorkspaceWithMemberAsync(WorkspaceRole.Member);
        var ownerEmail = await AddMemberAsync(workspaceId, WorkspaceRole.Owner);
        using var owner = PersonClient(await SignInAsync(ownerEmail, Password), workspaceId);
        var members = (await owner.GetFromJsonAsync<List<MemberResponse>>($"/v1/workspaces/{workspaceId}/members", Cancellation))!;
        var ownerId = members.Single(m => m.Email == ownerEmail).PersonId;
        var memberId = members.Single(m => m.Email == memberEmail).PersonId;
        using var member = PersonClient(await SignInAsync(memberEmail, Password), workspaceId);

        Assert.Equal(HttpStatusCode.Conflict, (await owner.DeleteAsync($"/v1/workspaces/{workspaceId}/members/{ownerId}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/v1/workspaces/{workspaceId}/members/{memberId}", Cancellation)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/v1/decisions", Cancellation)).StatusCode);
        var log = (await owner.GetFromJsonAsync<List<AuditEntryResponse>>("/v1/audit", Cancellation))!;
        Assert.Equal((AuditAction.MemberRemoved, ownerEmail, memberEmail), (log[0].Action, log[0].Actor, log[0].Target));
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_token_until_the_person_changes_their_password()
    {
        var (workspaceId, email) = await WorkspaceWithMemberAsync(WorkspaceRole.Member);
        var tokens = await SignInAsync(email, Password);
        using var anonymous = rules.CreateClient();

        var refreshed = await anonymous.PostAsJsonAsync("/v1/people/refresh", new { tokens.RefreshToken }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using var person = PersonClient((await refreshed.Content.ReadFromJsonAsync<AccessTokenResponse>(Cancellation))!, workspaceId);
        var changed = await person.PostAsJsonAsync("/v1/people/me/password", new { currentPassword = Password, newPassword = "another long password" }, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/v1/people/refresh", new { tokens.RefreshToken }, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task In_development_a_person_owning_the_default_workspace_can_sign_in()
    {
        var token = await SignInAsync(DevelopmentPerson.Email, DevelopmentPerson.Password);

        using var person = PersonClient(token, DefaultWorkspace.Id);
        var me = await person.GetFromJsonAsync<PersonResponse>("/v1/people/me", Cancellation);
        Assert.Contains(me!.Workspaces, w => w.WorkspaceId == DefaultWorkspace.Id && w.Role == WorkspaceRole.Owner);
    }

    private WorkspacesApi Workspaces => new(rules.CreateClient);

    private async Task<(Guid WorkspaceId, string Email)> WorkspaceWithMemberAsync(WorkspaceRole role)
    {
        var workspaceId = await Workspaces.CreateWorkspaceAsync();
        return (workspaceId, await AddMemberAsync(workspaceId, role));
    }

    private async Task<string> AddMemberAsync(Guid workspaceId, WorkspaceRole role)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        using var admin = Workspaces.Client(ApiKeyAuthentication.DevelopmentAdminKey);
        var added = await admin.PostAsJsonAsync($"/v1/workspaces/{workspaceId}/members", new { email, role = Vocabulary.Name(role), password = Password }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return email;
    }

    private async Task<AccessTokenResponse> SignInAsync(string email, string password)
    {
        using var anonymous = rules.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/v1/people/login", new { email, password }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AccessTokenResponse>(Cancellation))!;
    }

    private HttpClient PersonClient(AccessTokenResponse token, Guid? workspaceId)
    {
        var client = rules.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        if (workspaceId is not null)
        {
            client.DefaultRequestHeaders.Add(IPersonAuthenticator.WorkspaceHeader, workspaceId.ToString());
        }
        return client;
    }
}
