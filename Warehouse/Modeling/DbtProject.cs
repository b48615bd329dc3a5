namespace Insights.Warehouse.Modeling;

using System.Text.RegularExpressions;

/// <summary>A model: one <c>.sql</c> file of the model paths, named by its file name.</summary>
public sealed record DbtModel(string Name, string FilePath, string Sql);

/// <summary>A generic test declared in a properties file on a column of a model or a source table.</summary>
/// <param name="Kind"><c>unique</c>, <c>not_null</c>, <c>relationships</c> or <c>accepted_values</c>.</param>
/// <param name="Relation">The tested relation as a dbt expression: <c>ref('model')</c> or <c>source('s', 't')</c>.</param>
/// <param name="Arguments">The test's arguments (<c>to</c>, <c>field</c>, <c>values</c>).</param>
/// <param name="Severity"><c>error</c> (the default) or <c>warn</c>.</param>
public sealed record DbtTestDefinition(string Name, string Kind, string Relation, string Column, IReadOnlyDictionary<string, object?> Arguments, string Severity);

/// <summary>A table of a source: <c>source(Source, Name)</c> is the warehouse table <c>Identifier</c>.</summary>
public sealed record DbtSourceTable(string Source, string Name, string Identifier);

/// <summary>
/// A dbt project as Insights reads it: <c>dbt_project.yml</c> (its name and <c>model-paths</c>), the models
/// (<c>*.sql</c>) and the properties files (<c>*.yml</c>) of the model paths with their <c>sources</c> and the
/// generic tests of <c>models</c> and <c>sources</c> columns (<c>data_tests</c> or the older <c>tests</c>).
/// </summary>
public sealed partial class DbtProject
{
    public static readonly IReadOnlySet<string> SupportedTests = new HashSet<string>(StringComparer.Ordinal)
    {
        "unique", "not_null", "relationships", "accepted_values",
    };

    private DbtProject(string root, string name, IReadOnlyList<DbtModel> models, IReadOnlyList<DbtSourceTable> sources, IReadOnlyList<DbtTestDefinition> tests)
    {
        Root = root;
        Name = name;
        Models = models;
        Sources = sources;
        Tests = tests;
    }

    public string Root { get; }

    public string Name { get; }

    public IReadOnlyList<DbtModel> Models { get; }

    public IReadOnlyList<DbtSourceTable> Sources { get; }

    public IReadOnlyList<DbtTestDefinition> Tests { get; }

    public static DbtProject Load(string root)
    {
        root = Path.GetFullPath(root);
        var projectFile = Path.Combine(root, "dbt_project.yml");
        if (!File.Exists(projectFile))
        {
            throw new FileNotFoundException($"no dbt project at {root} (dbt_project.yml is missing)", projectFile);
        }

        var project = DbtYamlFile.Read(projectFile, "dbt_project.yml") as Dictionary<string, object?>
            ?? throw new FormatException("dbt_project.yml is not a mapping");
        var name = project.GetValueOrDefault("name") as string ?? throw new FormatException("dbt_project.yml: 'name' is required");
        CheckMaterializations(project.GetValueOrDefault("models"), "models");
        var modelPaths = project.GetValueOrDefault("model-paths") switch
        {
            null => ["models"],
            List<object?> list => list.Select(p => p as string ?? throw new FormatException("model-paths must be strings")).ToList(),
            var other => throw new FormatException($"model-paths must be a list, not {other}"),
        };

        var models = new List<DbtModel>();
        var sources = new List<DbtSourceTable>();
        var tests = new List<DbtTestDefinition>();
        foreach (var folder in modelPaths.Select(p => Path.Combine(root, p)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                models.Add(new DbtModel(Path.GetFileNameWithoutExtension(file), file, File.ReadAllText(file)));
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, file);
                try
                {
                    ReadProperties(DbtYamlFile.Read(file, relative) as Dictionary<string, object?>, sources, tests);
                }
                catch (FormatException ex) when (!ex.Message.StartsWith(relative + ":", StringComparison.Ordinal))
                {
                    // What the file says is wrong (a test without a name...); the reader already names the file for YAML errors.
                    throw new FormatException($"{relative}: {ex.Message}", ex);
                }
            }
        }

        var duplicate = models.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"two models are named '{duplicate.Key}'");
        }

        return new DbtProject(root, name, models, sources, tests);
    }

    private static void ReadProperties(Dictionary<string, object?>? file, List<DbtSourceTable> sources, List<DbtTestDefinition> tests)
    {
        if (file is null)
        {
            return;
        }

        foreach (var source in Items(file.GetValueOrDefault("sources")))
        {
            var sourceName = Required(source, "name", "a source");
            foreach (var table in Items(source.GetValueOrDefault("tables")))
            {
                var tableName = Required(table, "name", $"a table of source {sourceName}");
                sources.Add(new DbtSourceTable(sourceName, tableName, table.GetValueOrDefault("identifier") as string ?? tableName));
                ReadColumnTests(table, $"source('{sourceName}', '{tableName}')", $"source_{sourceName}_{tableName}", tests);
            }
        }

        foreach (var model in Items(file.GetValueOrDefault("models")))
        {
            var modelName = Required(model, "name", "a model");
            CheckMaterializations(model.GetValueOrDefault("config"), $"model {modelName}");
            ReadColumnTests(model, $"ref('{modelName}')", modelName, tests);
        }
    }

    private static void ReadColumnTests(Dictionary<string, object?> relation, string relationExpression, string relationLabel, List<DbtTestDefinition> tests)
    {
        foreach (var column in Items(relation.GetValueOrDefault("columns")))
        {
            var columnName = Required(column, "name", $"a column of {relationLabel}");
            var declared = column.GetValueOrDefault("data_tests") ?? column.GetValueOrDefault("tests");
            foreach (var test in declared as List<object?> ?? [])
            {
                var (kind, arguments) = test switch
                {
                    string s => (s, new Dictionary<string, object?>(StringComparer.Ordinal)),
                    Dictionary<string, object?> { Count: 1 } d => (d.Keys.Single(), d.Values.Single() as Dictionary<string, object?> ?? new(StringComparer.Ordinal)),
                    _ => throw new FormatException($"{relationLabel}.{columnName}: a test is a name or a single-key mapping"),
                };
                if (!SupportedTests.Contains(kind))
                {
                    throw new FormatException($"{relationLabel}.{columnName}: test '{kind}' is not one Insights runs ({string.Join(", ", SupportedTests)})");
                }

                // dbt 1.10 nests the arguments under 'arguments'; older versions put them beside 'config'.
                var args = arguments.GetValueOrDefault("arguments") as Dictionary<string, object?> ?? arguments;
                var severity = (arguments.GetValueOrDefault("config") as Dictionary<string, object?>)?.GetValueOrDefault("severity") as string
                    ?? arguments.GetValueOrDefault("severity") as string
                    ?? "error";
                var suffix = kind == "relationships" && args.GetValueOrDefault("to") is string to
                    ? "__" + NonWord().Replace(to, "_").Trim('_') + "__" + args.GetValueOrDefault("field")
                    : "";
                tests.Add(new DbtTestDefinition(
                    $"{kind}_{relationLabel}_{columnName}{suffix}", kind, relationExpression, columnName, args, severity.ToLowerInvariant()));
            }
        }
    }

    /// <summary>Insights creates every model as a view; any other materialization is refused rather than ignored.</summary>
    private static void CheckMaterializations(object? config, string where)
    {
        switch (config)
        {
            case Dictionary<string, object?> map:
                foreach (var (key, value) in map)
                {
                    if (key is "+materialized" or "materialized")
                    {
                        if (value as string != "view")
                        {
                            throw new NotSupportedException($"{where}: materialized '{value}' is not supported by Insights' model runner (views only)");
                        }
                    }
                    else
                    {
                        CheckMaterializations(value, $"{where}.{key}");
                    }
                }

                break;
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Items(object? value) => value switch
    {
        null => [],
        List<object?> list => list.Select(i => i as Dictionary<string, object?> ?? throw new FormatException("expected a list of mappings")),
        _ => throw new FormatException("expected a list"),
    };

    private static string Required(Dictionary<string, object?> map, string key, string what) =>
        map.GetValueOrDefault(key) as string ?? throw new FormatException($"{what} needs '{key}'");

    [GeneratedRegex(@"\W+")]
    private static partial Regex NonWord();
}
