namespace Insights.Warehouse.Modeling;

using System.Text.RegularExpressions;
using Insights.Warehouse.Sql;
using Insights.Warehouse.Targets;

public sealed record CompiledModel(string Name, string Sql, IReadOnlyList<string> Refs);

public sealed record CompiledTest(DbtTestDefinition Definition, string Sql);

public enum DbtTestStatus
{
    Pass,
    Warn,
    Fail,
    Error,
}

public sealed record DbtTestResult(string Name, DbtTestStatus Status, long Failures, string Severity, string? Error = null);

public sealed record DbtRunResult(IReadOnlyList<string> Models, IReadOnlyList<DbtTestResult> Tests)
{
    /// <summary>No test failed with severity error and none could not run.</summary>
    public bool Succeeded => Tests.All(t => t.Status is DbtTestStatus.Pass or DbtTestStatus.Warn);
}

/// <summary>
/// Runs a dbt project on a warehouse without dbt: compiles each model by resolving only <c>{{ ref('m') }}</c>,
/// <c>{{ source('s', 't') }}</c> and removing <c>{{ config(...) }}</c> (any other Jinja is refused, so what runs
/// here is exactly what dbt would run), creates the models as views in dependency order (topological on their
/// refs), and compiles the generic tests of the properties files into queries returning the failing rows, as dbt's
/// own test macros do: a test passes when its query returns no row.
/// </summary>
public sealed partial class DbtRunner(DbtProject project, SqlDialect dialect)
{
    public DbtProject Project => project;

    /// <summary>Models in an order where each comes after the models it refs (ties by name).</summary>
    public IReadOnlyList<CompiledModel> CompileModels()
    {
        var compiled = project.Models.ToDictionary(m => m.Name, Compile, StringComparer.Ordinal);
        var ordered = new List<CompiledModel>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done

        void Visit(string name, Stack<string> path)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"models ref each other in a cycle: {string.Join(" -> ", path.Reverse().Append(name))}");
                }

                return;
            }

            state[name] = false;
            path.Push(name);
            foreach (var dependency in compiled[name].Refs.Order(StringComparer.Ordinal))
            {
                Visit(dependency, path);
            }

            path.Pop();
            state[name] = true;
            ordered.Add(compiled[name]);
        }

        foreach (var name in compiled.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name, new Stack<string>());
        }

        return ordered;
    }

    public CompiledModel Compile(DbtModel model)
    {
        var refs = new List<string>();
        var sql = Resolve(model.Sql, $"model {model.Name}", refs, allowConfig: true);
        return new CompiledModel(model.Name, sql.Trim(), refs.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The test's query: the rows that break it.</summary>
    public IReadOnlyList<CompiledTest> CompileTests() => project.Tests.Select(t => new CompiledTest(t, CompileTest(t))).ToList();

    public string CompileTest(DbtTestDefinition test)
    {
        var relation = ResolveExpression(test.Relation, test.Name, []);
        var column = test.Column;
        return test.Kind switch
        {
            "not_null" => $"SELECT {column}\nFROM {relation}\nWHERE {column} IS NULL",
            "unique" =>
                $"SELECT {column} AS unique_field, COUNT(*) AS n_records\nFROM {relation}\nWHERE {column} IS NOT NULL\nGROUP BY {column}\nHAVING COUNT(*) > 1",
            "relationships" =>
                $"SELECT child.{column} AS from_field\nFROM {relation} AS child\n"
                + $"LEFT JOIN {ResolveExpression(Argument(test, "to"), test.Name, [])} AS parent ON child.{column} = parent.{Argument(test, "field")}\n"
                + $"WHERE child.{column} IS NOT NULL AND parent.{Argument(test, "field")} IS NULL",
            "accepted_values" =>
                $"SELECT {column} AS value_field, COUNT(*) AS n_records\nFROM {relation}\n"
                + $"WHERE {column} IS NOT NULL AND {column} NOT IN ({string.Join(", ", Values(test).Select(dialect.StringLiteral))})\nGROUP BY {column}",
            _ => throw new NotSupportedException($"test '{test.Kind}'"),
        };
    }

    /// <summary>Creates (or replaces) every model as a view, in dependency order.</summary>
    public async Task<IReadOnlyList<string>> BuildAsync(IWarehouseTarget target, CancellationToken cancellationToken = default)
    {
        var built = new List<string>();
        foreach (var model in CompileModels())
        {
            try
            {
                await target.ExecuteAsync(dialect.CreateOrReplaceView(model.Name, model.Sql), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new InvalidOperationException($"model {model.Name} failed: {ex.Message}", ex);
            }

            built.Add(model.Name);
        }

        return built;
    }

    public async Task<IReadOnlyList<DbtTestResult>> TestAsync(IWarehouseTarget target, CancellationToken cancellationToken = default)
    {
        var results = new List<DbtTestResult>();
        foreach (var test in CompileTests())
        {
            var severity = test.Definition.Severity;
            try
            {
                var result = await target.QueryAsync(dialect.CountRows(test.Sql), null, cancellationToken);
                var failures = QueryResult.ToInt64(result.Rows[0][0]);
                var status = failures == 0 ? DbtTestStatus.Pass : severity == "warn" ? DbtTestStatus.Warn : DbtTestStatus.Fail;
                results.Add(new DbtTestResult(test.Definition.Name, status, failures, severity));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results.Add(new DbtTestResult(test.Definition.Name, DbtTestStatus.Error, 0, severity, ex.Message));
            }
        }

        return results;
    }

    /// <summary>Builds the models, then runs the tests.</summary>
    public async Task<DbtRunResult> RunAsync(IWarehouseTarget target, bool runTests = true, CancellationToken cancellationToken = default)
    {
        var models = await BuildAsync(target, cancellationToken);
        var tests = runTests ? await TestAsync(target, cancellationToken) : [];
        return new DbtRunResult(models, tests);
    }

    private string Resolve(string sql, string where, List<string> refs, bool allowConfig)
    {
        sql = JinjaComment().Replace(sql, "");
        var statement = JinjaStatement().Match(sql);
        if (statement.Success)
        {
            throw new NotSupportedException($"{where}: '{statement.Value}' is not supported (only ref, source and config)");
        }

        return JinjaExpression().Replace(sql, m =>
        {
            var expression = m.Groups["body"].Value.Trim();
            if (ConfigCall().IsMatch(expression))
            {
                return allowConfig ? "" : throw new NotSupportedException($"{where}: config() is only allowed in models");
            }

            return ResolveExpression(expression, where, refs);
        });
    }

    /// <summary><c>ref('m')</c> or <c>source('s', 't')</c> to the relation's name in the warehouse.</summary>
    private string ResolveExpression(string expression, string where, List<string> refs)
    {
        expression = expression.Trim();
        if (RefCall().Match(expression) is { Success: true } r)
        {
            var name = r.Groups["a"].Value;
            if (!project.Models.Any(m => m.Name == name))
            {
                throw new InvalidOperationException($"{where}: ref('{name}') names no model of the project");
            }

            refs.Add(name);
            return dialect.Relation(name);
        }

        if (SourceCall().Match(expression) is { Success: true } s)
        {
            var (sourceName, tableName) = (s.Groups["a"].Value, s.Groups["b"].Value);
            var table = project.Sources.FirstOrDefault(t => t.Source == sourceName && t.Name == tableName)
                ?? throw new InvalidOperationException($"{where}: source('{sourceName}', '{tableName}') is not declared in a sources file");
            return dialect.Relation(table.Identifier);
        }

        throw new NotSupportedException($"{where}: '{{{{ {expression} }}}}' is not supported (only ref, source and config)");
    }

    private static string Argument(DbtTestDefinition test, string name) =>
        test.Arguments.GetValueOrDefault(name) as string ?? throw new FormatException($"test {test.Name} needs '{name}'");

    private static IEnumerable<string> Values(DbtTestDefinition test) =>
        test.Arguments.GetValueOrDefault("values") is List<object?> values && values.Count > 0
            ? values.Select(v => v as string ?? throw new FormatException($"test {test.Name}: values must be strings"))
            : throw new FormatException($"test {test.Name} needs 'values'");

    [GeneratedRegex(@"\{#.*?#\}", RegexOptions.Singleline)]
    private static partial Regex JinjaComment();

    [GeneratedRegex(@"\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex JinjaStatement();

    [GeneratedRegex(@"\{\{-?(?<body>.*?)-?\}\}", RegexOptions.Singleline)]
    private static partial Regex JinjaExpression();

    [GeneratedRegex(@"^config\s*\(.*\)$", RegexOptions.Singleline)]
    private static partial Regex ConfigCall();

    [GeneratedRegex(@"^ref\s*\(\s*(?<q>['""])(?<a>[A-Za-z0-9_]+)\k<q>\s*\)$")]
    private static partial Regex RefCall();

    [GeneratedRegex(@"^source\s*\(\s*(?<q>['""])(?<a>[A-Za-z0-9_]+)\k<q>\s*,\s*(?<r>['""])(?<b>[A-Za-z0-9_]+)\k<r>\s*\)$")]
    private static partial Regex SourceCall();
}
