namespace Insights.Deployment.Tests;

using System.Text.RegularExpressions;
using System.Xml.Linq;
using Insights.Deployment.Tests.Support;

/// <summary>
/// The Dockerfiles, checked without Docker: each builds the project its image is named after, its restore layer copies
/// every project file the build needs (a new project reference would otherwise break only the image build), and the
/// HTTP images listen and report health where the manifests and compose file expect.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string> ImageNames() => new(Processes.Images.Select(i => i.Name));

    [Theory]
    [MemberData(nameof(ImageNames))]
    public void Builds_and_runs_the_project_its_image_is_named_after(string image)
    {
        var process = Processes.ByName(image);
        var dockerfile = Repo.Read(process.Dockerfile);
        Assert.Contains($"-t {image}", dockerfile, StringComparison.Ordinal); // the build command in its header
        Assert.Contains($"dotnet restore {process.Project}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"dotnet publish {process.Project}", dockerfile, StringComparison.Ordinal);

        var assembly = AssemblyName(process.Project);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}.dll\"]", dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ImageNames))]
    public void The_restore_layer_copies_every_project_file_the_build_needs(string image)
    {
        var process = Processes.ByName(image);
        var copied = CopyLine().Matches(Repo.Read(process.Dockerfile))
            .SelectMany(m => m.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Directory.Build.props", copied);
        Assert.Contains("Directory.Build.targets", copied);
        Assert.Contains("Directory.Packages.props", copied);
        Assert.Contains("global.json", copied);

        var missing = ProjectClosure(process.Project).Where(p => !copied.Contains(p)).ToList();
        Assert.True(missing.Count == 0, $"{process.Dockerfile} restores without: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("insights-silo")]
    [InlineData("insights-api")]
    public void Http_images_listen_on_the_port_and_check_the_health_path_the_deployments_use(string image)
    {
        var process = Processes.ByName(image);
        var dockerfile = Repo.Read(process.Dockerfile);
        Assert.Matches($@"EXPOSE {Processes.HttpPort}\b", dockerfile);
        Assert.Contains($"ASPNETCORE_URLS=http://+:{Processes.HttpPort}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"Urls=http://+:{Processes.HttpPort}", dockerfile, StringComparison.Ordinal);

        var healthcheck = dockerfile[dockerfile.IndexOf("HEALTHCHECK", StringComparison.Ordinal)..];
        var path = Processes.RequestPath(healthcheck);
        Assert.NotNull(path);
        Assert.Contains(path, Processes.HealthPaths(process.Project));
        Assert.Contains($"/dev/tcp/127.0.0.1/{Processes.HttpPort}", healthcheck, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_run_as_the_non_root_user_the_manifests_expect()
    {
        foreach (var process in Processes.Images)
        {
            Assert.Contains("USER $APP_UID", Repo.Read(process.Dockerfile), StringComparison.Ordinal);
        }

        // infra/k8s runs the pods as 1654, the UID of $APP_UID in the .NET images.
        Assert.Contains("runAsUser: 1654", Repo.Read("infra", "k8s", "base", "silo-deployment.yaml"), StringComparison.Ordinal);
        Assert.Contains("runAsUser: 1654", Repo.Read("infra", "k8s", "base", "api-deployment.yaml"), StringComparison.Ordinal);
    }

    /// <summary>The project and every project it references, transitively, as repository paths.</summary>
    private static IReadOnlyList<string> ProjectClosure(string project)
    {
        var seen = new List<string>();
        var queue = new Queue<string>([project]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (seen.Contains(current))
            {
                continue;
            }

            seen.Add(current);
            var folder = Path.GetDirectoryName(Repo.PathOf(current))!;
            foreach (var reference in XDocument.Load(Repo.PathOf(current)).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                queue.Enqueue(Repo.Relative(Path.GetFullPath(Path.Combine(folder, include))));
            }
        }

        return seen;
    }

    private static string AssemblyName(string project) =>
        XDocument.Load(Repo.PathOf(project)).Descendants("AssemblyName").FirstOrDefault()?.Value
        ?? Path.GetFileNameWithoutExtension(project);

    /// <summary>COPY lines before the first "COPY . ." (the restore layer); their sources without the destination.</summary>
    [GeneratedRegex(@"^COPY (?!\. \.)(?!--)(?<sources>.+?) \S+/?\s*$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();
}
