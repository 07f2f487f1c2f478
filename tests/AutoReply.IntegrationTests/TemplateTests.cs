using System.Net.Http.Json;
using AutoReply.Domain.Templates;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>The example library through the rules API: in the language the caller's Accept-Language asks for.</summary>
public sealed class TemplateTests(RealServers servers) : IAsyncDisposable
{
    private readonly ServiceFactory<RulesApi.Program> rules = new(servers);

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Theory]
    [InlineData("fr-CA,fr;q=0.9,en;q=0.8", "fr")]
    [InlineData("de-DE, en;q=0.5, fr;q=0.4", "en")]
    [InlineData("fr;q=0, en", "en")]
    [InlineData(null, "en")]
    public async Task The_example_library_answers_in_the_first_language_asked_for_that_it_has(string? acceptLanguage, string language)
    {
        var client = rules.CreateAuthorizedClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/templates");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        var examples = await response.Content.ReadFromJsonAsync<List<ExampleMessage>>(TestContext.Current.CancellationToken);
        var dental = Assert.Single(examples!, example => example.Id == "dental-office");
        Assert.Equal(language == "fr" ? "Cabinet dentaire" : "Dental office", dental.Title);
    }
}
