using AutoReply.Web.Rules;
using AutoReply.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.AutoReplies;

/// <summary>What the editor shows as one types: the preview and its length, or what is wrong with the message.</summary>
public sealed record LivePreview(string? Preview, string? Length, IEnumerable<string> Errors);

public static class MessagePreviewEndpoint
{
    /// <summary>
    /// <c>POST /w/{workspaceId}/numbers/{phoneNumber}/auto-replies/preview</c>: the editor's script
    /// (wwwroot/message-editor.js) posts its form, antiforgery token included, at each pause in
    /// typing; rules renders and counts the message as a save would.
    /// </summary>
    public static IEndpointRouteBuilder MapMessagePreview(this IEndpointRouteBuilder routes)
    {
        routes.MapPost($"/w/{{{PersonTokenHandler.WorkspaceRouteValue}:guid}}/numbers/{{phoneNumber}}/auto-replies/preview",
            async (string phoneNumber, [FromForm(Name = "Input.Message")] string? message, RulesClient rules, IStringLocalizer<Text> t, CancellationToken cancellationToken) =>
            {
                var answer = await rules.PreviewAsync(phoneNumber, message ?? "", null, cancellationToken);
                return TypedResults.Ok(answer.Value is { } preview
                    ? new LivePreview(preview.Preview, MessageLength.Describe(t, preview.Encoding, preview.Segments), [])
                    : new LivePreview(null, null, answer.Problem!.ErrorsOf("message").DefaultIfEmpty(answer.Problem.Describe(t, "NewReply"))));
            })
            .RequireAuthorization();
        return routes;
    }
}
