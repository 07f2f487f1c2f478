using System.Xml.Linq;
using AutoReply.Contracts.Events;

namespace AutoReply.UnitTests.Contracts;

/// <summary>
/// The AutoReply.Contracts package, as <c>dotnet pack contracts</c> makes it, read from its project
/// rather than packed (a pack in a unit test would be slow): the .NET versions internal services run,
/// XML documentation, a README, Source Link, a deterministic build, and the contract's version.
/// </summary>
public sealed class ContractsPackageTests
{
    private static readonly Lazy<XDocument> Project = new(() => XDocument.Load(ProjectPath()));

    /// <summary>The contract's version: <c>ContractVersion</c> in the contracts project.</summary>
    internal static string ContractVersion() => Property("ContractVersion");

    [Fact]
    public void The_package_is_for_net8_and_net10_at_the_contracts_version()
    {
        Assert.Equal("AutoReply.Contracts", Property("PackageId"));
        Assert.Equal("true", Property("IsPackable"));
        Assert.Equal("$(ContractVersion)", Property("Version"));
        Assert.Matches(@"^[1-9][0-9]*\.[0-9]+\.[0-9]+$", ContractVersion());
        Assert.Equal(["net10.0", "net8.0"], Property("TargetFrameworks").Split(';').Order(StringComparer.Ordinal));
        // Directory.Build.props names one framework for every project; left there, it would win.
        Assert.Equal("", Property("TargetFramework"));
    }

    [Fact]
    public void The_package_has_xml_docs_a_readme_and_source_link_and_builds_deterministically()
    {
        Assert.Equal("true", Property("GenerateDocumentationFile"));
        Assert.Contains("CS1591", Property("WarningsAsErrors").Split(';'));
        Assert.Equal("true", Property("PublishRepositoryUrl"));
        Assert.Equal("true", Property("EmbedUntrackedSources"));
        Assert.Equal("embedded", Property("DebugType"));
        Assert.Equal("true", Property("Deterministic"));

        var readme = Property("PackageReadmeFile");
        var packed = Project.Value.Descendants("None").Single(item => (string?)item.Attribute("Include") == readme);
        Assert.Equal("true", (string?)packed.Attribute("Pack"));
        var text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ProjectPath())!, readme));
        Assert.Contains("dotnet pack contracts", text, StringComparison.Ordinal);
        Assert.Contains("major", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_public_type_of_the_contracts_is_documented_in_the_xml_beside_the_assembly()
    {
        var assembly = typeof(ICommunicationEvent).Assembly;
        var documentation = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"));
        var documented = documentation.Descendants("member")
            .Where(member => !string.IsNullOrWhiteSpace((string?)member.Element("summary")))
            .Select(member => (string)member.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var type in assembly.GetExportedTypes())
        {
            Assert.Contains($"T:{type.FullName}", documented);
        }
    }

    private static string Property(string name) =>
        Project.Value.Descendants(name).SingleOrDefault()?.Value ?? throw new InvalidOperationException($"The contracts project sets no {name}.");

    private static string ProjectPath() => Path.Combine(AsyncApiDocumentTests.RepositoryRoot(), "contracts", "AutoReply.Contracts.csproj");
}
