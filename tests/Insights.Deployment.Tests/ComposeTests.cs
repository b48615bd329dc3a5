namespace Insights.Deployment.Tests;

using Insights.Deployment.Tests.Configuration;
using Insights.Deployment.Tests.Support;

/// <summary>docker-compose.yml: the whole cluster on one laptop, checked without Docker.</summary>
public sealed class ComposeTests
{
    private static readonly Compose ComposeFile = Compose.Load();

    private static IEnumerable<string> Silos => ComposeFile.Services.Keys.Where(s => s.StartsWith("silo", StringComparison.Ordinal));

    [Fact]
    public void Parses_and_has_the_cluster_services()
    {
        Assert.Equal("insights", Yaml.Str(Yaml.Get(ComposeFile.Root, "name")));
        foreach (var service in new[] { "redis", "azurite", "silo-1", "silo-2", "api", "generator" })
        {
            Assert.True(ComposeFile.Services.ContainsKey(service), $"no service {service}");
        }
    }

    [Fact]
    public void Every_built_image_comes_from_an_existing_dockerfile_and_other_images_are_pinned()
    {
        foreach (var (name, service) in ComposeFile.Services)
        {
            var image = Yaml.Str(Yaml.Get(service, "image"));
            if (Yaml.Get(service, "build") is { } build)
            {
                var context = Yaml.Str(Yaml.Get(build, "context")) ?? ".";
                var dockerfile = Yaml.Str(Yaml.Get(build, "dockerfile")) ?? "Dockerfile";
                var path = Path.GetFullPath(Path.Combine(Repo.Root, context, dockerfile));
                Assert.True(File.Exists(path), $"{name}: {dockerfile} does not exist");
                Assert.Equal(Repo.Root, Path.GetFullPath(Path.Combine(Repo.Root, context)).TrimEnd(Path.DirectorySeparatorChar));

                // The image name is the one the Dockerfile builds (insights-silo for Silo/Dockerfile...).
                var expected = Processes.Images.Single(i => i.Dockerfile == Repo.Relative(path));
                Assert.NotNull(image);
                Assert.Equal(expected.Name, image!.Split(':')[0]);
            }
            else
            {
                Assert.False(image is null || !image.Contains(':', StringComparison.Ordinal) || image.EndsWith(":latest", StringComparison.Ordinal),
                    $"{name}: image '{image}' must be pinned to a version");
            }
        }
    }

    [Fact]
    public void The_emulators_are_the_versions_the_development_cluster_runs()
    {
        string ImageIn(string file) => Yaml.LoadFile(Repo.PathOf("infra", "k8s", "overlays", "development", file))
            .Select(d => Yaml.Str(Yaml.Get(d, "spec", "template", "spec", "containers", 0, "image"))).OfType<string>().Single();

        Assert.Equal(ImageIn("azurite.yaml"), Yaml.Str(Yaml.Get(ComposeFile.Services["azurite"], "image")));
        Assert.Equal(ImageIn("redis.yaml"), Yaml.Str(Yaml.Get(ComposeFile.Services["redis"], "image")));
    }

    [Fact]
    public void Every_environment_variable_is_one_the_code_reads()
    {
        var names = ComposeFile.Services.Keys.SelectMany(s => ComposeFile.EnvironmentOf(s).Keys.Select(k => (k, $"docker-compose.yml {s}")));
        var unknown = ConfigurationCatalog.FromCode().UnknownVariables(names);
        Assert.True(unknown.Count == 0, "variables nothing reads:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void The_silos_and_the_api_are_configured_as_a_cluster()
    {
        var problems = new List<string>();
        foreach (var silo in Silos)
        {
            problems.AddRange(ClusterShape.Problems(ComposeFile.EnvironmentOf(silo), ClusterShape.Role.Silo).Select(p => $"{silo}: {p}"));
            problems.AddRange(ClusterShape.Disagreements(ComposeFile.EnvironmentOf(silo), ComposeFile.EnvironmentOf("api")).Select(p => $"{silo} vs api: {p}"));
        }

        problems.AddRange(ClusterShape.Problems(ComposeFile.EnvironmentOf("api"), ClusterShape.Role.Api).Select(p => $"api: {p}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(Silos.Count() >= 2, "a cluster needs two silos");
    }

    [Fact]
    public void The_generator_sends_the_key_the_api_accepts()
    {
        var api = ComposeFile.EnvironmentOf("api");
        var generator = ComposeFile.EnvironmentOf("generator");
        Assert.Equal("Development", api["ASPNETCORE_ENVIRONMENT"]);
        Assert.False(string.IsNullOrEmpty(generator["INSIGHTS_API_KEY"]));
        Assert.Equal(api["Insights__Auth__DevelopmentKey"], generator["INSIGHTS_API_KEY"]);

        // Both read the same .env variable, with the same fallback as .env.example.
        var raw = Yaml.Map(Yaml.Get(ComposeFile.Services["api"], "environment"));
        Assert.StartsWith("${INSIGHTS_API_KEY", Yaml.Str(raw["Insights__Auth__DevelopmentKey"]), StringComparison.Ordinal);
        var example = EnvFile.ToDictionary(EnvFile.Load(Repo.PathOf(".env.example")));
        Assert.Equal(example["INSIGHTS_API_KEY"], generator["INSIGHTS_API_KEY"]);

        var command = Yaml.List(Yaml.Get(ComposeFile.Services["generator"], "command")).Select(Yaml.Str).ToList();
        var apiUrl = command[command.IndexOf("--api") + 1];
        Assert.Equal($"http://api:{Processes.HttpPort}", apiUrl);
    }

    [Fact]
    public void Ports_match_what_the_processes_listen_on()
    {
        foreach (var service in Silos.Append("api"))
        {
            var environment = ComposeFile.EnvironmentOf(service);
            Assert.Equal($"http://+:{Processes.HttpPort}", environment["Urls"]);
            foreach (var mapping in Yaml.List(Yaml.Get(ComposeFile.Services[service], "ports")).Select(Yaml.Str).OfType<string>())
            {
                var parts = mapping.Split(':');
                Assert.Equal(3, parts.Length); // host address:host port:container port
                Assert.Equal("127.0.0.1", parts[0]);
                Assert.Equal(Processes.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[2]);
            }
        }

        // Two silos in one network use the same Orleans ports at different addresses: they must not publish them.
        var silo = ComposeFile.EnvironmentOf("silo-1");
        Assert.Equal("11111", silo["Insights__Cluster__SiloPort"]);
        Assert.Equal("30000", silo["Insights__Cluster__GatewayPort"]);
    }

    [Fact]
    public void Health_checks_probe_endpoints_the_processes_serve()
    {
        foreach (var service in Silos.Append("api"))
        {
            var test = Yaml.List(Yaml.Get(ComposeFile.Services[service], "healthcheck", "test")).Select(Yaml.Str).OfType<string>().ToList();
            var command = string.Join(" ", test);
            var path = Processes.RequestPath(command);
            Assert.NotNull(path);
            var project = service == "api" ? Processes.ByName("insights-api").Project : Processes.ByName("insights-silo").Project;
            Assert.Contains(path, Processes.HealthPaths(project));
            Assert.Equal("/readyz", path); // dependants wait for readiness, not mere liveness
            Assert.Contains($"/dev/tcp/127.0.0.1/{Processes.HttpPort}", command, StringComparison.Ordinal);
        }

        Assert.Equal(["/healthz", "/readyz"], Processes.HealthPaths(Processes.ByName("insights-silo").Project).Order(StringComparer.Ordinal));
        Assert.Equal(["/healthz", "/readyz"], Processes.HealthPaths(Processes.ByName("insights-api").Project).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Services_start_in_order_once_what_they_need_is_healthy()
    {
        void DependsHealthy(string service, params string[] on)
        {
            foreach (var dependency in on)
            {
                Assert.Equal("service_healthy", Yaml.Str(Yaml.Get(ComposeFile.Services[service], "depends_on", dependency, "condition")));
                Assert.NotNull(Yaml.Get(ComposeFile.Services[dependency], "healthcheck", "test"));
            }
        }

        foreach (var silo in Silos)
        {
            DependsHealthy(silo, "redis", "azurite");
        }

        DependsHealthy("api", [.. Silos]);
        DependsHealthy("generator", "api");
    }

    [Fact]
    public void Silos_get_longer_to_stop_than_their_shutdown_timeout()
    {
        foreach (var silo in Silos)
        {
            var timeout = TimeSpan.Parse(ComposeFile.EnvironmentOf(silo)["Insights__ShutdownTimeout"], System.Globalization.CultureInfo.InvariantCulture);
            var grace = Yaml.Str(Yaml.Get(ComposeFile.Services[silo], "stop_grace_period"));
            Assert.NotNull(grace);
            Assert.True(TimeSpan.FromSeconds(int.Parse(grace!.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture)) > timeout);
        }
    }
}
