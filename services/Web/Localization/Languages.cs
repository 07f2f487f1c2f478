using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace AutoReply.Web.Localization;

/// <summary>
/// The languages the web app speaks. A person's is the one they picked (remembered in a cookie),
/// else the first of their browser's <c>Accept-Language</c> the app speaks, else English.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string French = "fr";

    public static readonly string[] All = [English, French];

    /// <summary>A year: a person picks their language once.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(365);

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(English).AddSupportedCultures(All).AddSupportedUICultures(All);
            // The cookie first, then Accept-Language; the query string is not a way to pick it.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }

    /// <summary>The language a page is in: <c>en</c> or <c>fr</c>.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>Each language in its own words, as the switch offers it.</summary>
    public static string NativeName(string language) => language == French ? "Français" : "English";
}
