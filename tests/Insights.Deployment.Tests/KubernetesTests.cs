namespace Insights.Deployment.Tests;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Insights.Deployment.Tests.Configuration;
using Insights.Deployment.Tests.Support;

/// <summary>infra/k8s: every manifest parses, every setting is a key the code reads, and images, ports and probes agree with the code.</summary>
public sealed class KubernetesTests
{
    private static readonly string Root = Repo.PathOf("infra", "k8s");

    public static TheoryData<string> YamlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<string> Overlays() => new() { "development", "azure" };

    private static Kustomization Overlay(string name) => Kustomization.Load(Path.Combine(Root, "overlays", name));

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_yaml_file_parses(string file)
    {
        var documents = Yaml.LoadFile(Path.Combine(Root, file));
        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            Assert.IsAssignableFrom<IDictionary<object, object>>(document);
            if (!file.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            {
                Assert.NotNull(Yaml.Str(Yaml.Get(document, "kind")));
                Assert.NotNull(Yaml.Str(Yaml.Get(document, "apiVersion")));
            }
        }

        // The SecretProviderClass holds YAML in a string: it must parse too.
        foreach (var objects in documents.Select(d => Yaml.Str(Yaml.Get(d, "spec", "parameters", "objects"))).OfType<string>())
        {
            Assert.NotEmpty(Yaml.List(Yaml.Get(Yaml.LoadAll(objects).Single(), "array")));
        }
    }

    [Fact]
    public void Every_environment_variable_in_the_manifests_and_env_files_is_one_the_code_reads()
    {
        var names = new List<(string Name, string Where)>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.env*", SearchOption.AllDirectories))
        {
            names.AddRange(EnvFile.Load(file).Select(e => (e.Key, $"{Repo.Relative(file)}:{e.Line}")));
        }

        foreach (var file in Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories))
        {
            foreach (var document in Yaml.LoadFile(file))
            {
                foreach (var container in Containers(document))
                {
                    names.AddRange(Yaml.List(Yaml.Get(container, "env"))
                        .Select(e => (Yaml.Str(Yaml.Get(e, "name"))!, $"{Repo.Relative(file)} container {Yaml.Str(Yaml.Get(container, "name"))}")));
                }

                foreach (var secret in Yaml.List(Yaml.Get(document, "spec", "secretObjects")))
                {
                    names.AddRange(Yaml.List(Yaml.Get(secret, "data")).Select(d => (Yaml.Str(Yaml.Get(d, "key"))!, $"{Repo.Relative(file)} secretObjects")));
                }
            }
        }

        Assert.Contains(names, n => n.Name.StartsWith("Insights__", StringComparison.Ordinal));
        var unknown = ConfigurationCatalog.FromCode().UnknownVariables(names);
        Assert.True(unknown.Count == 0, "variables nothing reads:\n" + string.Join("\n", unknown));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_overlay_configures_silos_and_apis_as_a_cluster(string overlay)
    {
        var k = Overlay(overlay);
        var silo = k.EnvironmentOf("insights-silo", "silo");
        var api = k.EnvironmentOf("insights-api", "api");
        var severalApis = overlay == "azure"; // the HPA runs 2 to 10 API pods
        var problems = ClusterShape.Problems(silo, ClusterShape.Role.Silo).Select(p => $"silo: {p}")
            .Concat(ClusterShape.Problems(api, ClusterShape.Role.Api, severalApis).Select(p => $"api: {p}"))
            .Concat(ClusterShape.Disagreements(silo, api))
            .ToList();
        Assert.True(problems.Count == 0, $"{overlay}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_azure_overlay_takes_every_secret_from_key_vault_and_names_its_placeholders()
    {
        var k = Overlay("azure");
        var spc = k.Resource("SecretProviderClass", "insights-keyvault");
        var listed = Yaml.List(Yaml.Get(Yaml.LoadAll(Yaml.Str(Yaml.Get(spc, "spec", "parameters", "objects"))!).Single(), "array"))
            .Select(o => Yaml.Str(Yaml.Get(Yaml.LoadAll(Yaml.Str(o)!).Single(), "objectName")))
            .ToHashSet(StringComparer.Ordinal);
        var mapped = Yaml.List(Yaml.Get(spc, "spec", "secretObjects", 0, "data")).Select(d => Yaml.Str(Yaml.Get(d, "objectName"))).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(listed.Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
        Assert.Equal("insights-secrets", Yaml.Str(Yaml.Get(spc, "spec", "secretObjects", 0, "secretName")));

        // No secret value in the azure ConfigMap: connection strings and keys only through Key Vault.
        var secretKeys = k.Secrets["insights-secrets"].Keys.ToHashSet(StringComparer.Ordinal);
        var leaked = k.ConfigMaps["insights-config"].Keys.Where(secretKeys.Contains).ToList();
        Assert.True(leaked.Count == 0, "secrets in the ConfigMap: " + string.Join(", ", leaked));
        Assert.DoesNotContain(k.ConfigMaps["insights-config"].Keys, key => key.EndsWith("ConnectionString", StringComparison.Ordinal) || key.EndsWith("__Key", StringComparison.Ordinal));
    }

    [Fact]
    public void The_development_api_key_matches_the_hash_the_development_api_accepts()
    {
        var dev = Overlay("development");
        var hash = dev.Secrets["insights-secrets"]["Insights__Auth__ApiKeys__0__Hash"];
        var generator = Kustomization.Load(Path.Combine(Root, "overlays", "development", "generator"));
        var key = generator.Secrets["insights-generator-api-key"]["INSIGHTS_API_KEY"];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), hash);

        var job = generator.Resource("Job", "insights-generator");
        var container = Containers(job).Single();
        Assert.Contains(Yaml.List(Yaml.Get(container, "envFrom")), e => Yaml.Str(Yaml.Get(e, "secretRef", "name")) == "insights-generator-api-key");
        var args = Yaml.List(Yaml.Get(container, "args")).Select(Yaml.Str).ToList();
        Assert.Equal("http://insights-api", args[args.IndexOf("--api") + 1]); // the Service, port 80 => 8080
        Assert.Equal(dev.Namespace, generator.Namespace);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Images_are_the_ones_the_dockerfiles_build(string overlay)
    {
        var k = Overlay(overlay);
        var used = k.Resources.SelectMany(r => Containers(r.Document)).Select(c => Yaml.Str(Yaml.Get(c, "image"))).OfType<string>()
            .Concat(k.PatchFiles.SelectMany(p => Yaml.LoadFile(p)).SelectMany(Containers).Select(c => Yaml.Str(Yaml.Get(c, "image"))).OfType<string>())
            .Where(i => i.StartsWith("insights-", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("insights-silo", used);
        Assert.Contains("insights-api", used);
        foreach (var image in used)
        {
            Assert.Contains(Processes.Images, i => i.Name == image);
        }

        foreach (var (name, newName, newTag) in k.Images)
        {
            Assert.Contains(Processes.Images, i => i.Name == name);
            Assert.False(string.IsNullOrEmpty(newTag), $"{overlay}: image {name} has no tag");
            if (newName is not null)
            {
                Assert.EndsWith("/" + name, newName, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Container_ports_and_probes_match_what_the_processes_serve()
    {
        var k = Overlay("azure");
        var baseConfig = k.ConfigMaps["insights-config"];
        foreach (var (deployment, container, image) in new[] { ("insights-silo", "silo", "insights-silo"), ("insights-api", "api", "insights-api") })
        {
            var spec = Containers(k.Resource("Deployment", deployment)).Single(c => Yaml.Str(Yaml.Get(c, "name")) == container);
            var ports = Yaml.List(Yaml.Get(spec, "ports")).ToDictionary(
                p => Yaml.Str(Yaml.Get(p, "name"))!, p => int.Parse(Yaml.Str(Yaml.Get(p, "containerPort"))!, CultureInfo.InvariantCulture), StringComparer.Ordinal);
            Assert.Equal(Processes.HttpPort, ports["http"]);

            var environment = k.EnvironmentOf(deployment, container);
            Assert.Equal($"http://+:{Processes.HttpPort}", environment["Urls"]);
            Assert.Equal($"http://+:{Processes.HttpPort}", environment["ASPNETCORE_URLS"]);

            var served = Processes.HealthPaths(Processes.ByName(image).Project);
            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                var path = Yaml.Str(Yaml.Get(spec, probe, "httpGet", "path"));
                var port = Yaml.Str(Yaml.Get(spec, probe, "httpGet", "port"));
                Assert.True(path is not null && served.Contains(path), $"{deployment} {probe}: '{path}' is not served");
                Assert.True(port is not null && ports.ContainsKey(port), $"{deployment} {probe}: port '{port}' is not a named container port");
            }

            Assert.Equal("/readyz", Yaml.Str(Yaml.Get(spec, "readinessProbe", "httpGet", "path")));
            Assert.Equal("/healthz", Yaml.Str(Yaml.Get(spec, "livenessProbe", "httpGet", "path")));

            if (deployment == "insights-silo")
            {
                Assert.Equal(int.Parse(baseConfig["Insights__Cluster__SiloPort"], CultureInfo.InvariantCulture), ports["silo"]);
                Assert.Equal(int.Parse(baseConfig["Insights__Cluster__GatewayPort"], CultureInfo.InvariantCulture), ports["gateway"]);

                var grace = int.Parse(Yaml.Str(Yaml.Get(k.Resource("Deployment", deployment), "spec", "template", "spec", "terminationGracePeriodSeconds"))!, CultureInfo.InvariantCulture);
                Assert.True(TimeSpan.FromSeconds(grace) > TimeSpan.Parse(baseConfig["Insights__ShutdownTimeout"], CultureInfo.InvariantCulture));
            }
        }

        // The Service sends port 80 to the API container's named http port.
        var service = k.Resource("Service", "insights-api");
        Assert.Equal("http", Yaml.Str(Yaml.Get(service, "spec", "ports", 0, "targetPort")));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_pods_carry_the_cluster_and_service_ids_of_the_configuration(string overlay)
    {
        var k = Overlay(overlay);
        var config = k.ConfigMaps["insights-config"];
        var component = Yaml.LoadFile(Path.Combine(Root, "components", "orleans-labels", "kustomization.yaml")).Single();
        var sources = Yaml.List(Yaml.Get(component, "replacements")).Select(r => Yaml.Str(Yaml.Get(r, "source", "fieldPath"))).ToList();
        Assert.Equal(["data.Insights__Cluster__ServiceId", "data.Insights__Cluster__ClusterId"], sources);
        Assert.Contains("orleans-labels", Yaml.List(Yaml.Get(Yaml.LoadFile(Path.Combine(Root, "overlays", overlay, "kustomization.yaml")).Single(), "components"))
            .Select(Yaml.Str).OfType<string>().Select(Path.GetFileName));
        Assert.Matches("^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", config["Insights__Cluster__ClusterId"]);
        Assert.Matches("^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", config["Insights__Cluster__ServiceId"]);
    }

    private static IEnumerable<object?> Containers(object? document)
    {
        var pod = Yaml.Get(document, "spec", "template", "spec") ?? Yaml.Get(document, "spec", "jobTemplate", "spec", "template", "spec");
        return Yaml.List(Yaml.Get(pod, "containers")).Concat(Yaml.List(Yaml.Get(pod, "initContainers")));
    }
}
