namespace Insights.Deployment.Tests.Support;

/// <summary>
/// What a Kustomize overlay renders that the tests care about, without kubectl: the resources of its bases, the
/// ConfigMaps and Secrets of its generators (with <c>behavior: merge</c>), the Secrets a SecretProviderClass syncs,
/// its namespace and images. Patches are listed, not applied (none of them touches environment variables).
/// </summary>
public sealed class Kustomization
{
    private Kustomization(string directory) => Directory = directory;

    public string Directory { get; }

    public string? Namespace { get; private set; }

    /// <summary>Every resource document, bases first, with its file.</summary>
    public List<(string File, object? Document)> Resources { get; } = [];

    public Dictionary<string, Dictionary<string, string>> ConfigMaps { get; } = new(StringComparer.Ordinal);

    /// <summary>Secrets by name: generated ones with their values, Key Vault ones with "&lt;key vault: object&gt;".</summary>
    public Dictionary<string, Dictionary<string, string>> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>The env files the generators read, with the generator's name.</summary>
    public List<(string Generator, string File)> EnvFiles { get; } = [];

    public List<(string Name, string? NewName, string? NewTag)> Images { get; } = [];

    public List<string> PatchFiles { get; } = [];

    public static Kustomization Load(string directory)
    {
        var k = new Kustomization(directory);
        k.Add(directory, isRoot: true);
        return k;
    }

    private void Add(string directory, bool isRoot)
    {
        var file = Path.Combine(directory, "kustomization.yaml");
        var root = Yaml.LoadFile(file).Single();
        if (isRoot || Namespace is null)
        {
            Namespace = Yaml.Str(Yaml.Get(root, "namespace")) ?? Namespace;
        }

        foreach (var resource in Yaml.List(Yaml.Get(root, "resources")).Select(Yaml.Str).OfType<string>())
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource));
            if (System.IO.Directory.Exists(path))
            {
                Add(path, isRoot: false);
            }
            else
            {
                foreach (var document in Yaml.LoadFile(path))
                {
                    Resources.Add((path, document));
                    AddSecretProviderClass(document);
                }
            }
        }

        foreach (var generator in Yaml.List(Yaml.Get(root, "configMapGenerator")))
        {
            var name = Yaml.Str(Yaml.Get(generator, "name"))!;
            var merge = Yaml.Str(Yaml.Get(generator, "behavior")) == "merge";
            var values = merge && ConfigMaps.TryGetValue(name, out var existing) ? existing : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var env in Yaml.List(Yaml.Get(generator, "envs")).Select(Yaml.Str).OfType<string>())
            {
                var path = Path.GetFullPath(Path.Combine(directory, env));
                EnvFiles.Add((name, path));
                foreach (var entry in EnvFile.Load(path))
                {
                    values[entry.Key] = entry.Value;
                }
            }

            ConfigMaps[name] = values;
        }

        foreach (var generator in Yaml.List(Yaml.Get(root, "secretGenerator")))
        {
            var name = Yaml.Str(Yaml.Get(generator, "name"))!;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var env in Yaml.List(Yaml.Get(generator, "envs")).Select(Yaml.Str).OfType<string>())
            {
                var path = Path.GetFullPath(Path.Combine(directory, env));
                EnvFiles.Add((name, path));
                foreach (var entry in EnvFile.Load(path))
                {
                    values[entry.Key] = entry.Value;
                }
            }

            Secrets[name] = values;
        }

        foreach (var image in Yaml.List(Yaml.Get(root, "images")))
        {
            Images.Add((Yaml.Str(Yaml.Get(image, "name"))!, Yaml.Str(Yaml.Get(image, "newName")), Yaml.Str(Yaml.Get(image, "newTag"))));
        }

        foreach (var patch in Yaml.List(Yaml.Get(root, "patches")))
        {
            if (Yaml.Str(Yaml.Get(patch, "path")) is { } path)
            {
                PatchFiles.Add(Path.GetFullPath(Path.Combine(directory, path)));
            }
        }
    }

    private void AddSecretProviderClass(object? document)
    {
        if (Yaml.Str(Yaml.Get(document, "kind")) != "SecretProviderClass")
        {
            return;
        }

        foreach (var secret in Yaml.List(Yaml.Get(document, "spec", "secretObjects")))
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var data in Yaml.List(Yaml.Get(secret, "data")))
            {
                values[Yaml.Str(Yaml.Get(data, "key"))!] = $"<key vault: {Yaml.Str(Yaml.Get(data, "objectName"))}>";
            }

            Secrets[Yaml.Str(Yaml.Get(secret, "secretName"))!] = values;
        }
    }

    public object? Resource(string kind, string name) =>
        Resources.Select(r => r.Document).FirstOrDefault(d => Yaml.Str(Yaml.Get(d, "kind")) == kind && Yaml.Str(Yaml.Get(d, "metadata", "name")) == name);

    /// <summary>
    /// The environment a container of a Deployment starts with: its envFrom sources in order (ConfigMaps and Secrets
    /// of this overlay), then its env entries (values; "&lt;valueFrom&gt;" for field references).
    /// </summary>
    public Dictionary<string, string> EnvironmentOf(string deployment, string container)
    {
        var spec = Yaml.List(Yaml.Get(Resource("Deployment", deployment), "spec", "template", "spec", "containers"))
            .FirstOrDefault(c => Yaml.Str(Yaml.Get(c, "name")) == container)
            ?? throw new InvalidOperationException($"no container {container} in Deployment {deployment}");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in Yaml.List(Yaml.Get(spec, "envFrom")))
        {
            var values = Yaml.Str(Yaml.Get(source, "configMapRef", "name")) is { } configMap ? ConfigMaps.GetValueOrDefault(configMap)
                : Yaml.Str(Yaml.Get(source, "secretRef", "name")) is { } secret ? Secrets.GetValueOrDefault(secret)
                : null;
            foreach (var (key, value) in values ?? [])
            {
                environment[key] = value;
            }
        }

        foreach (var env in Yaml.List(Yaml.Get(spec, "env")))
        {
            environment[Yaml.Str(Yaml.Get(env, "name"))!] = Yaml.Str(Yaml.Get(env, "value")) ?? "<valueFrom>";
        }

        return environment;
    }
}
