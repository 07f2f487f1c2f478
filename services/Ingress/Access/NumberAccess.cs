using System.Net;

namespace AutoReply.Ingress.Access;

/// <summary>
/// Whether a workspace's key may post events for a number: not for another workspace's number.
/// Rules knows who owns what (<c>GET /v1/keys/current/numbers/{phoneNumber}</c>, sent with the
/// request's key). Ingress asks it in the background the first time it sees the workspace and the
/// number together, so that intake never waits for rules: until the answer is in, an event is taken
/// and rules decides it within the workspace that posted it (<c>unknown_number</c>, no text).
/// </summary>
public sealed class NumberAccess(RulesAsker rules, RememberedAnswers answers)
{
    public const string OtherWorkspacesNumber = "This number belongs to another workspace: events for it are not taken with this key.";

    public bool IsAnotherWorkspacesNumber(string presentedKey, Guid workspaceId, string phoneNumber)
    {
        var question = $"number:{workspaceId:N}:{phoneNumber}";
        Task<bool> Ask(CancellationToken token) => AskAsync(presentedKey, phoneNumber, token);
        if (answers.TryRecall(question, Ask, out var anotherWorkspaces))
        {
            return anotherWorkspaces;
        }
        answers.AskInBackground(question, Ask);
        return false;
    }

    private async Task<bool> AskAsync(string presentedKey, string phoneNumber, CancellationToken cancellationToken)
    {
        using var response = await rules.AskAsync($"/v1/keys/current/numbers/{Uri.EscapeDataString(phoneNumber)}", presentedKey, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => false,
            HttpStatusCode.NotFound => true,
            _ => throw new UnexpectedAnswerException(response.StatusCode),
        };
    }
}
