namespace Insights.Deployment.Tests.Support;

using System.Text.RegularExpressions;

/// <summary>docker-compose.yml, parsed with its anchors and merge keys resolved, and each service's environment.</summary>
public sealed partial class Compose
{
    private Compose(object? root) => Root = root;

    public object? Root { get; }

    public IReadOnlyDictionary<string, object?> Services => Yaml.Map(Yaml.Get(Root, "services"));

    public static Compose Load() => new(Yaml.LoadFile(Repo.PathOf("docker-compose.yml")).Single());

    public static Compose Parse(string text) => new(Yaml.LoadAll(text).Single());

    /// <summary>
    /// The service's environment (a mapping or a list of KEY=VALUE) with <c>${VAR:-default}</c> replaced by its default,
    /// as when .env does not set it.
    /// </summary>
    public Dictionary<string, string> EnvironmentOf(string service)
    {
        var node = Yaml.Get(Services[service], "environment");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is IList<object?> list)
        {
            foreach (var item in list.OfType<string>())
            {
                var eq = item.IndexOf('=', StringComparison.Ordinal);
                environment[eq < 0 ? item : item[..eq]] = eq < 0 ? "" : Interpolate(item[(eq + 1)..]);
            }
        }
        else
        {
            foreach (var (key, value) in Yaml.Map(node))
            {
                environment[key] = Interpolate(Yaml.Str(value) ?? "");
            }
        }

        return environment;
    }

    /// <summary>Compose's variable syntax: <c>${NAME:-default}</c>, <c>${NAME-default}</c>, <c>${NAME}</c> (empty) and <c>$$</c>.</summary>
    public static string Interpolate(string value) =>
        Variable().Replace(value, m => m.Groups["default"].Success ? m.Groups["default"].Value : "").Replace("$$", "$", StringComparison.Ordinal);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::?-(?<default>[^}]*)|:?\?[^}]*)?\}")]
    private static partial Regex Variable();
}
