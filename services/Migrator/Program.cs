namespace AutoReply.Migrator;

public class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);

        builder.AddServiceDefaults();
        builder.AddSchemaMigrations();

        using var host = builder.Build();
        return await host.RunMigrationsAsync();
    }
}
