namespace Insights.Deployment.Tests.Support;

using System.Text.RegularExpressions;

/// <summary>The three deployable processes: their image names, Dockerfiles and projects, and what the code serves.</summary>
public static partial class Processes
{
    public sealed record Image(string Name, string Dockerfile, string Project, bool ServesHttp);

    /// <summary>Image name => how it is built (the names infra/k8s, docker-compose.yml and the images workflow use).</summary>
    public static readonly IReadOnlyList<Image> Images =
    [
        new("insights-silo", "Silo/Dockerfile", "Silo/Insights.Silo.csproj", ServesHttp: true),
        new("insights-api", "Api/Dockerfile", "Api/Insights.Api.csproj", ServesHttp: true),
        new("insights-generator", "Generator/Dockerfile", "Generator/Insights.Generator.csproj", ServesHttp: false),
    ];

    /// <summary>The port the images listen on: ASPNETCORE_URLS / Urls of the Dockerfiles, the containers' env.</summary>
    public const int HttpPort = 8080;

    public static Image ByName(string name) => Images.Single(i => i.Name == name);

    /// <summary>
    /// Paths of the health endpoints the silo and the API map (MapHealthChecks("/...")), in their own code or in the
    /// projects they reference (ServiceDefaults maps them for both).
    /// </summary>
    public static IReadOnlySet<string> HealthPaths(string project)
    {
        var path = Repo.PathOf(project);
        var folders = System.Xml.Linq.XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, r.Attribute("Include")!.Value.Replace('\\', '/'))))!)
            .Append(Path.GetDirectoryName(path)!);
        return folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => MapHealthChecks().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The path of an HTTP request in a health check command (GET /path HTTP/1.1, or a URL).</summary>
    public static string? RequestPath(string command) =>
        HttpRequestPath().Match(command) is { Success: true } m ? m.Groups["path"].Value : null;

    [GeneratedRegex("""MapHealthChecks\(\s*"([^"]+)"\s*""")]
    private static partial Regex MapHealthChecks();

    [GeneratedRegex(@"(?:GET (?<path>/[^\s]*) HTTP|https?://[^/\s]+(?<path>/[^\s'""]*))")]
    private static partial Regex HttpRequestPath();
}
