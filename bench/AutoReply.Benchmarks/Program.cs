using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// End-to-end throughput of a running system (eng/run.sh): how fast ingress accepts events and how
// fast rules turns them into decisions, on the real RabbitMQ, Redis and PostgreSQL.
//   dotnet run -c Release --project bench/AutoReply.Benchmarks -- [events] [batch size]
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var batchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var ingressUrl = Environment.GetEnvironmentVariable("services__ingress__http__0") ?? "http://127.0.0.1:5080";
var rulesUrl = Environment.GetEnvironmentVariable("services__rules__http__0") ?? "http://127.0.0.1:5081";
var apiKey = Environment.GetEnvironmentVariable("AUTOREPLY_API_KEY") ?? "dev-key";

using var ingress = Client(ingressUrl);
using var rules = Client(rulesUrl);

// A number of its own for this run, with a missed-call reply, so every event is really evaluated.
var number = "+1415" + Random.Shared.Next(2_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
(await rules.PutAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", new { name = "Benchmark", timeZone = "UTC" })).EnsureSuccessStatusCode();
(await rules.PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies",
    new { trigger = "missed_call", schedule = "after_hours", message = "Benchmark reply." })).EnsureSuccessStatusCode();

// One contact for every event: each one goes all the way to the cooldown claim in Redis, and only
// the first becomes a text (thousands of texts would wait on the sender's 1-per-second rate limit).
var contact = "+1628" + Random.Shared.Next(2_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
var run = Guid.NewGuid().ToString("N")[..8];
var batches = Enumerable.Range(0, events)
    .Select(i => new
    {
        id = $"bench-{run}-{i}",
        type = "call.missed",
        phoneNumber = number,
        contact,
        occurredAt = DateTimeOffset.UtcNow,
    })
    .Chunk(batchSize);

var clock = Stopwatch.StartNew();
foreach (var batch in batches)
{
    (await ingress.PostAsJsonAsync("/v1/events/batch", batch)).EnsureSuccessStatusCode();
}
var accepted = clock.Elapsed;

while (!await DecidedAsync(events))
{
    await Task.Delay(100);
}
var decided = clock.Elapsed;

Console.WriteLine($"events:   {events} in batches of {batchSize}");
Console.WriteLine($"accepted: {accepted.TotalSeconds:0.00} s  ({events / accepted.TotalSeconds:0} events/s through ingress, on the bus with confirms)");
Console.WriteLine($"decided:  {decided.TotalSeconds:0.00} s  ({events / decided.TotalSeconds:0} decisions/s, ingress to decision row, sends included)");

async Task<bool> DecidedAsync(int count)
{
    var page = await rules.GetFromJsonAsync<JsonElement>($"/v1/decisions?phoneNumber={Uri.EscapeDataString(number)}&limit=1&offset={count - 1}");
    return page.GetArrayLength() == 1;
}

HttpClient Client(string url) => new()
{
    BaseAddress = new Uri(url),
    Timeout = TimeSpan.FromMinutes(2),
    DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) },
};
