namespace AutoReply.AppHost.Hosting;

/// <summary>
/// Where the resources' output goes: the console with each line prefixed by the resource's name
/// (in its own colour on a terminal), or one file per resource when a log directory is given.
/// </summary>
public sealed class ResourceLog(string? directory = null)
{
    private static readonly string[] Colours = ["\u001b[36m", "\u001b[33m", "\u001b[35m", "\u001b[32m", "\u001b[34m", "\u001b[31m", "\u001b[96m", "\u001b[93m"];
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> colours = [];
    private readonly bool useColour = directory is null && !System.Console.IsOutputRedirected;

    public static ResourceLog Console { get; } = new();

    public void Write(string resource, string line)
    {
        lock (gate)
        {
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
                File.AppendAllText(Path.Combine(directory, resource + ".log"), line + Environment.NewLine);
                return;
            }
            if (!colours.TryGetValue(resource, out var colour))
            {
                colour = Colours[colours.Count % Colours.Length];
                colours[resource] = colour;
            }
            System.Console.Out.WriteLine(useColour ? $"{colour}[{resource}]\u001b[0m {line}" : $"[{resource}] {line}");
        }
    }
}
