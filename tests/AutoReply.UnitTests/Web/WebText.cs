using System.Globalization;
using AutoReply.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutoReply.UnitTests.Web;

/// <summary>The web app's words as its pages read them, in the language a test speaks.</summary>
public static class WebText
{
    public static readonly IStringLocalizer<Text> T = new StringLocalizer<Text>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>Speaks <paramref name="language"/> until disposed, as a request in it does.</summary>
    public static IDisposable In(string language) => new Speaking(new CultureInfo(language));

    private sealed class Speaking : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public Speaking(CultureInfo language) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (language, language);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
    }
}
