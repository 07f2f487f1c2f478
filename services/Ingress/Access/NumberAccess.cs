using System.Net;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;

namespace AutoReply.Ingress.Access;

/// <summary>
/// Whether a workspace's key may post events for a number: not for another workspace's number.
/// Rules knows who owns what (<c>GET /v1/keys/current/numbers/{phoneNumber}</c>, sent with the
/// request's key). Intake never waits for rules: the remembered answer is used, and rules is asked
/// in the background when there is none or it is no longer fresh; until the first answer is in, an
/// event is taken and rules decides it within the workspace that posted it (<c>unknown_number</c>, no text).
/// </summary>
public sealed partial class NumberAccess(RulesAsker rules, IFusionCache answers, IOptions<KeyCheckOptions> options, ILogger<NumberAccess> logger)
{
    public const string OtherWorkspacesNumber = "This number belongs to another workspace: events for it are not taken with this key.";

    public bool IsAnotherWorkspacesNumber(string presentedKey, Guid workspaceId, string phoneNumber)
    {
        var question = $"number:{workspaceId:N}:{phoneNumber}";
        // A fresh answer is all an event needs; an old or missing one is used (or not) and asked again.
        if (answers.TryGet<bool>(question) is { HasValue: true } fresh)
        {
            return fresh.Value;
        }
        var known = answers.TryGet<bool>(question, options.Value.Answers);
        _ = BringUpToDateAsync(question, presentedKey, phoneNumber);
        return known.GetValueOrDefault(false);
    }

    /// <summary>Asks rules, one request per question at a time.</summary>
    private async Task BringUpToDateAsync(string question, string presentedKey, string phoneNumber)
    {
        try
        {
            await answers.GetOrSetAsync<bool>(question, (_, token) => AskAsync(presentedKey, phoneNumber, token), options.Value.Answers);
        }
        catch (Exception ex) when (RulesAsker.IsUnanswered(ex))
        {
            LogRulesUnavailable(logger, ex);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rules service did not say who owns a number; events for it are taken meanwhile")]
    private static partial void LogRulesUnavailable(ILogger logger, Exception exception);
}
