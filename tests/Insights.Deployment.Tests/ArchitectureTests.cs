namespace Insights.Deployment.Tests;

using System.Reflection;
using System.Runtime.InteropServices;
using Insights.Deployment.Tests.Support;

/// <summary>
/// How the projects fit, checked on the repository and on this test's own output: which projects stay free of
/// Orleans, where grains live, namespaces that follow folders, tests that use production code through references,
/// and one platform's DuckDB natives per output folder. Each rule is also fed a breach, to show it can fail.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Libraries used outside the cluster (the generator, the lake, the sources, sentiment, the topic model, the web host defaults) and the contracts they share.</summary>
    public static TheoryData<string> OrleansFreeProjects() => new(
        "Contracts/Insights.Contracts.csproj",
        "Lake/Insights.Lake.csproj",
        "Generator/Insights.Generator.csproj",
        "Sources/Insights.Sources.csproj",
        "Sentiment/Insights.Sentiment.csproj",
        "Topics/Insights.Topics.csproj",
        "ServiceDefaults/Insights.ServiceDefaults.csproj");

    public static TheoryData<string> AllProjects() => new(ArchitectureRules.Projects());

    public static TheoryData<string> TestProjects() => new(ArchitectureRules.Projects().Where(p => p.StartsWith("tests/", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(OrleansFreeProjects))]
    public void Orleans_free_projects_have_no_Orleans_package_directly_or_through_a_reference(string project)
    {
        // This test's build restores every project it references, these included.
        var assets = Repo.PathOf(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{Repo.Relative(assets)} is missing: restore {project} first.");

        var orleans = ArchitectureRules.PackagesInClosure(File.ReadAllText(assets), "Microsoft.Orleans.");
        Assert.True(orleans.Count == 0, $"{project} pulls in {string.Join(", ", orleans)}");
    }

    [Fact]
    public void The_Orleans_check_sees_packages_that_come_through_a_project_reference()
    {
        const string assets = """
            {"targets": {"net10.0": {
              "Azure.Core/1.64.0": {"type": "package"},
              "Microsoft.Orleans.Core.Abstractions/10.4.2": {"type": "package"},
              "Insights.Grains.Interfaces/1.0.0": {"type": "project"}
            }}}
            """;

        Assert.Equal(["Microsoft.Orleans.Core.Abstractions"], ArchitectureRules.PackagesInClosure(assets, "Microsoft.Orleans."));
    }

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void Test_projects_use_production_code_through_references_not_by_compiling_its_files(string project)
    {
        var linked = ArchitectureRules.CompiledFromOutside(Repo.Read(project));
        Assert.True(linked.Count == 0, $"{project} compiles {string.Join(", ", linked)}: reference the project instead.");
    }

    [Fact]
    public void The_link_check_catches_a_file_compiled_from_another_project()
    {
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <Compile Include="Support/Local.cs" />
                <Compile Include="..\..\Api\Apis\WarehouseApi.cs" Link="Api\WarehouseApi.cs" />
              </ItemGroup>
            </Project>
            """;

        Assert.Equal([@"..\..\Api\Apis\WarehouseApi.cs"], ArchitectureRules.CompiledFromOutside(project));
    }

    [Fact]
    public void Every_grain_class_lives_in_the_Grains_project()
    {
        var production = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name!.StartsWith("Insights.", StringComparison.Ordinal) || name.StartsWith("insights-", StringComparison.Ordinal))
            .Where(name => !name!.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(name => Assembly.Load(new AssemblyName(name!)))
            .ToList();

        // The folder holds the deployed processes, not just libraries; and the check sees the grains it should.
        Assert.Contains(production, a => a.GetName().Name == "Insights.Silo");
        Assert.Contains(ArchitectureRules.GrainClasses(production.Single(a => a.GetName().Name == "Insights.Grains")), t => t.Name == "WarehouseLoaderGrain");
        var elsewhere = ArchitectureRules.GrainsOutside(production, "Insights.Grains");
        Assert.True(elsewhere.Count == 0, $"Grains outside Grains/: {string.Join(", ", elsewhere)}");
    }

    [Fact]
    public void The_grain_check_catches_a_grain_in_another_assembly()
    {
        // Orleans' streaming assembly has grains of its own (the pub-sub rendezvous): a stand-in for a stray one.
        var streaming = Assembly.Load(new AssemblyName("Orleans.Streaming"));
        var grains = Assembly.Load(new AssemblyName("Insights.Grains"));

        var elsewhere = ArchitectureRules.GrainsOutside([grains, streaming], "Insights.Grains");

        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, e => Assert.EndsWith(" in Orleans.Streaming", e, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllProjects))]
    public void Namespaces_are_the_root_namespace_and_the_folder_path(string project)
    {
        var mismatches = ArchitectureRules.NamespaceMismatches(project).ToList();
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Theory]
    [InlineData("Insights.Api", ".", "Insights.Api")]
    [InlineData("Insights.Api", "Dashboard", "Insights.Api.Dashboard")]
    [InlineData("Insights.Grains", "Warehouse/Loading", "Insights.Grains.Warehouse.Loading")]
    public void The_expected_namespace_is_the_root_and_the_folders(string root, string folder, string expected) =>
        Assert.Equal(expected, ArchitectureRules.ExpectedNamespace(root, folder));

    [Fact]
    public void The_namespace_check_reads_file_scoped_and_block_declarations()
    {
        Assert.Equal(["Insights.Api.Apis"], ArchitectureRules.DeclaredNamespaces("// x\nnamespace Insights.Api.Apis;\n\nusing System;\n"));
        Assert.Equal(["A.B", "A.B.C"], ArchitectureRules.DeclaredNamespaces("namespace A.B\n{\n    namespace A.B.C { }\n}\n"));
        Assert.Equal("Insights.Warehouse", ArchitectureRules.RootNamespace("<Project><PropertyGroup><RootNamespace>Insights.Warehouse</RootNamespace></PropertyGroup></Project>", "x.csproj"));
        Assert.Equal("Insights.Lake", ArchitectureRules.RootNamespace("<Project />", "Lake/Insights.Lake.csproj"));
    }

    [Fact]
    public void This_output_folder_holds_DuckDB_natives_for_the_runtime_it_runs_on_only()
    {
        // This test references the warehouse, so its output folder is one that DuckDB's package copies into.
        var natives = ArchitectureRules.DuckDbNatives(AppContext.BaseDirectory);

        var native = Assert.Single(natives);
        Assert.True(ArchitectureRules.IsFor(native, RuntimeInformation.RuntimeIdentifier), $"{native} is not for {RuntimeInformation.RuntimeIdentifier}");
    }

    [Theory]
    [InlineData("runtimes/linux-x64/native/libduckdb.so", "linux-x64", true)]
    [InlineData("libduckdb.so", "linux-x64", true)]
    [InlineData("runtimes/osx/native/libduckdb.dylib", "osx-arm64", true)]
    [InlineData("runtimes/linux-arm64/native/libduckdb.so", "linux-x64", false)]
    [InlineData("runtimes/win-x64/native/duckdb.dll", "linux-x64", false)]
    public void The_native_check_tells_the_runtime_of_a_native_library(string path, string runtime, bool expected) =>
        Assert.Equal(expected, ArchitectureRules.IsFor(path, runtime));
}
