using AutoReply.Drill;
using Microsoft.Extensions.Configuration;

// The drill and the benchmark (README "Drill and benchmark"):
//   dotnet run -c Release --project bench/AutoReply.Drill -- --Rate 200 --Duration 60 --Faults all
//   dotnet run -c Release --project bench/AutoReply.Drill -- --Mode bench --Rate 500 --Duration 60 --Numbers 80 --ContactsPerNumber 25
var options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<DrillOptions>() ?? new DrillOptions();
if (options.Seed == 0)
{
    options.Seed = Random.Shared.Next(1, int.MaxValue);
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

Console.WriteLine(options.Ingress is null ? "Starting the system through the AppHost..." : $"Attaching to {options.Ingress}");
await using var system = options.Ingress is null
    ? await DrillSystem.StartAsync(options, cancellation.Token)
    : DrillSystem.Attach(options);

if (options.Mode == "bench")
{
    Console.WriteLine(await new Benchmark(system, options, Console.Out).RunAsync(cancellation.Token));
    return 0;
}

var report = await new Drill(system, options, Console.Out).RunAsync(cancellation.Token);
Console.WriteLine(report.Table());
if (report.Mismatches.Count > 0)
{
    Console.WriteLine("Contacts whose texts differ from what the rules say (the first few):");
    report.Mismatches.ToList().ForEach(Console.WriteLine);
    Console.WriteLine();
}
Console.WriteLine(report.Line());
return report.Clean ? 0 : 1;
