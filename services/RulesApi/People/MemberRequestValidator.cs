using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Validation;
using AutoReply.Security;

namespace AutoReply.RulesApi.People;

public sealed record ValidMemberRequest(string Email, WorkspaceRole Role, string? Password);

/// <summary>The body of <c>POST /v1/workspaces/{workspaceId}/members</c>.</summary>
public sealed class MemberRequestValidator
{
    /// <param name="mayMakeOwners">Whether the caller may give the owner role: an owner, or the platform administrator.</param>
    public Validated<ValidMemberRequest> Validate(AddMemberRequest? request, bool mayMakeOwners)
    {
        var errors = new FieldErrors();
        var email = request?.Email?.Trim() ?? "";
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("email", "email is required: the address the person signs in with.");
        }
        if (!Vocabulary.TryParse<WorkspaceRole>(request?.Role, out var role))
        {
            errors.Add("role", $"role must be one of {string.Join(", ", Vocabulary.All<WorkspaceRole>())}.");
        }
        else if (role == WorkspaceRole.Owner && !mayMakeOwners)
        {
            errors.Add("role", "Only an owner can make someone an owner.");
        }
        return errors.Result(() => new ValidMemberRequest(email, role, string.IsNullOrEmpty(request!.Password) ? null : request.Password));
    }
}
