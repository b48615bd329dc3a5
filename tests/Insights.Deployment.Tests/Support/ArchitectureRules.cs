namespace Insights.Deployment.Tests.Support;

using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

/// <summary>
/// The rules the architecture tests check, each a function of what it reads (an assets file, a project file, a
/// source tree, an output folder), so that a test can also feed it a breach and see it caught.
/// </summary>
public static partial class ArchitectureRules
{
    /// <summary>Every csproj of the repository outside build output, relative paths with '/'.</summary>
    public static IEnumerable<string> Projects() =>
        Directory.EnumerateFiles(Repo.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !Repo.Relative(p).Split('/').Any(part => part is "bin" or "obj" or ".local"))
            .Select(Repo.Relative)
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The packages in a restored project's closure (its own and those of every project it references, transitively)
    /// whose id starts with <paramref name="prefix"/>, from the <c>targets</c> section of its project.assets.json.
    /// </summary>
    public static IReadOnlyList<string> PackagesInClosure(string assetsJson, string prefix)
    {
        using var assets = JsonDocument.Parse(assetsJson);
        return assets.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(target => target.Value.EnumerateObject())
            .Where(library => library.Value.TryGetProperty("type", out var type) && type.GetString() == "package")
            .Select(library => library.Name.Split('/')[0])
            .Where(id => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Compile items of a project file that name a file outside the project's folder.</summary>
    public static IReadOnlyList<string> CompiledFromOutside(string projectXml)
    {
        var project = XDocument.Parse(projectXml);
        return project.Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Where(include => include.Replace('\\', '/').Split('/').Contains(".."))
            .ToList();
    }

    /// <summary>The root namespace a project declares, or its file name.</summary>
    public static string RootNamespace(string projectXml, string projectFileName)
    {
        var declared = XDocument.Parse(projectXml).Descendants().FirstOrDefault(e => e.Name.LocalName == "RootNamespace")?.Value;
        return string.IsNullOrWhiteSpace(declared) ? Path.GetFileNameWithoutExtension(projectFileName) : declared.Trim();
    }

    /// <summary>The namespace a file in <paramref name="folder"/> (relative to its project, '/' separators) must declare.</summary>
    public static string ExpectedNamespace(string rootNamespace, string folder) =>
        folder is "" or "." ? rootNamespace : $"{rootNamespace}.{folder.Replace('/', '.')}";

    /// <summary>The namespaces a C# source declares (file-scoped or block).</summary>
    public static IReadOnlyList<string> DeclaredNamespaces(string source) =>
        NamespaceDeclaration().Matches(source).Select(m => m.Groups["name"].Value).ToList();

    /// <summary>
    /// Every source file of the project at <paramref name="projectPath"/> (relative to the repository) declaring a
    /// namespace other than its root namespace plus its folder path: "file: declared (expected)".
    /// </summary>
    public static IEnumerable<string> NamespaceMismatches(string projectPath)
    {
        var projectFile = Repo.PathOf(projectPath);
        var projectDir = Path.GetDirectoryName(projectFile)!;
        var root = RootNamespace(File.ReadAllText(projectFile), projectFile);
        foreach (var file in SourcesOf(projectDir))
        {
            var folder = Path.GetRelativePath(projectDir, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var expected = ExpectedNamespace(root, folder);
            foreach (var declared in DeclaredNamespaces(File.ReadAllText(file)).Where(n => n != expected))
            {
                yield return $"{Repo.Relative(file)}: {declared} (expected {expected})";
            }
        }
    }

    /// <summary>Grain classes (deriving from <see cref="Orleans.Grain"/>) of an assembly.</summary>
    public static IReadOnlyList<Type> GrainClasses(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true } && typeof(Orleans.Grain).IsAssignableFrom(t)).ToList();

    /// <summary>Grain classes of <paramref name="assemblies"/> outside the one named <paramref name="grainsAssembly"/>: "type in assembly".</summary>
    public static IReadOnlyList<string> GrainsOutside(IEnumerable<Assembly> assemblies, string grainsAssembly) =>
        assemblies.Where(a => a.GetName().Name != grainsAssembly)
            .SelectMany(a => GrainClasses(a).Select(t => $"{t.FullName} in {a.GetName().Name}"))
            .ToList();

    /// <summary>DuckDB's native libraries in an output folder, relative paths with '/'.</summary>
    public static IReadOnlyList<string> DuckDbNatives(string outputFolder) =>
        Directory.EnumerateFiles(outputFolder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "libduckdb.so" or "libduckdb.dylib" or "duckdb.dll")
            .Select(f => Path.GetRelativePath(outputFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Whether a native library's path is for the runtime <paramref name="runtimeIdentifier"/>: beside the assemblies
    /// (a RID-specific build) or under runtimes/ of that RID or its operating system alone (DuckDB's 'osx').
    /// </summary>
    public static bool IsFor(string nativePath, string runtimeIdentifier)
    {
        var parts = nativePath.Split('/');
        if (parts.Length == 1)
        {
            return true;
        }

        return parts.Length == 4 && parts[0] == "runtimes" && parts[2] == "native"
            && (parts[1] == runtimeIdentifier || parts[1] == runtimeIdentifier.Split('-')[0]);
    }

    private static IEnumerable<string> SourcesOf(string projectDir)
    {
        foreach (var file in Directory.EnumerateFiles(projectDir, "*.cs"))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(projectDir))
        {
            var name = Path.GetFileName(sub);
            if (name is "bin" or "obj" || Directory.EnumerateFiles(sub, "*.csproj").Any())
            {
                continue; // build output, or another project's folder
            }

            foreach (var file in SourcesOf(sub))
            {
                yield return file;
            }
        }
    }

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
