using AutoReply.Web.Rules;
using AutoReply.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.AutoReplies;

/// <summary>
/// What the editor shows as one types: the message's preview and its length, or what is wrong
/// with it; the same for its translation (none while it is empty).
/// </summary>
public sealed record LivePreview(
    string? Preview, string? Length, IEnumerable<string> Errors,
    string? TranslationPreview, string? TranslationLength, IEnumerable<string> TranslationErrors);

public static class MessagePreviewEndpoint
{
    /// <summary>
    /// <c>POST /w/{workspaceId}/numbers/{phoneNumber}/auto-replies/preview</c>: the editor's script
    /// (wwwroot/message-editor.js) posts its form, antiforgery token included, at each pause in
    /// typing; rules renders and counts the message and its translation as a save would.
    /// </summary>
    public static IEndpointRouteBuilder MapMessagePreview(this IEndpointRouteBuilder routes)
    {
        routes.MapPost($"/w/{{{PersonTokenHandler.WorkspaceRouteValue}:guid}}/numbers/{{phoneNumber}}/auto-replies/preview",
            async (string phoneNumber, [FromForm(Name = "Input.Message")] string? message, [FromForm(Name = "Input.Translation")] string? translation,
                [FromForm(Name = AutoReplyInput.TranslationLanguageField)] string? translationLanguage,
                RulesClient rules, IStringLocalizer<Text> t, CancellationToken cancellationToken) =>
            {
                List<TranslationText> translations = string.IsNullOrWhiteSpace(translation) || string.IsNullOrEmpty(translationLanguage)
                    ? [] : [new(translationLanguage, translation)];
                var answer = await rules.PreviewAsync(phoneNumber, message ?? "", translations, cancellationToken);
                if (answer.Value is { } preview)
                {
                    var translated = preview.Translations?.FirstOrDefault();
                    return TypedResults.Ok(new LivePreview(
                        preview.Preview, MessageLength.Describe(t, preview.Encoding, preview.Segments), [],
                        translated?.Preview, translated is null ? null : MessageLength.Describe(t, translated.Encoding, translated.Segments), []));
                }
                var problem = answer.Problem!;
                var messageErrors = problem.ErrorsOf("message").ToList();
                var translationErrors = problem.ErrorsOf("translations").ToList();
                if (messageErrors.Count == 0 && translationErrors.Count > 0
                    && (await rules.PreviewAsync(phoneNumber, message ?? "", [], cancellationToken)).Value is { } alone)
                {
                    // Only the translation is refused: the message's preview stands.
                    return TypedResults.Ok(new LivePreview(alone.Preview, MessageLength.Describe(t, alone.Encoding, alone.Segments), [], null, null, translationErrors));
                }
                return TypedResults.Ok(new LivePreview(null, null,
                    messageErrors.Count + translationErrors.Count == 0 ? [problem.Describe(t, "NewReply")] : messageErrors,
                    null, null, translationErrors));
            })
            .RequireAuthorization();
        return routes;
    }
}
