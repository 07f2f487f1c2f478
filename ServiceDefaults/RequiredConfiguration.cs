using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

public static class RequiredConfiguration
{
    /// <summary>A connection string the service cannot run without, by its Aspire name.</summary>
    public static string RequiredConnectionString(this IHostApplicationBuilder builder, string name) =>
        builder.Configuration.GetConnectionString(name)
        ?? throw new InvalidOperationException($"ConnectionStrings__{name} is not set.");
}
