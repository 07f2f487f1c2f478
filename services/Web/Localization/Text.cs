namespace AutoReply.Web.Localization;

/// <summary>
/// The web app's words: English in Text.resx, French in Text.fr.resx, read through
/// <c>IStringLocalizer&lt;Text&gt;</c> in the person's language (<see cref="Languages"/>).
/// </summary>
public sealed class Text;
