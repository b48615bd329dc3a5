namespace Insights.Warehouse.Tests;

using Insights.Warehouse.Modeling;
using Insights.Warehouse.Sql;

/// <summary>Insights' dbt runner: the Jinja it resolves (and refuses), dependency order, compiled tests, YAML.</summary>
public sealed class ModelRunnerTests : IDisposable
{
    private readonly string _root = TempFolder.Create("insights-dbt");

    public void Dispose() => TempFolder.Delete(_root);

    private DbtProject Project(params (string Path, string Text)[] files)
    {
        File.WriteAllText(Path.Combine(_root, "dbt_project.yml"), "name: t\nconfig-version: 2\nmodel-paths: [\"models\"]\nmodels:\n  t:\n    +materialized: view\n");
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(_root, "models", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return DbtProject.Load(_root);
    }

    private const string Sources = """
        version: 2
        sources:
          - name: raw
            schema: "{{ target.schema }}"   # ignored: the dialect qualifies
            tables:
              - name: events
                identifier: fact_event
                columns:
                  - name: id
                    data_tests: [unique, not_null]
        """;

    [Fact]
    public void Resolves_ref_source_and_config_and_orders_models_by_their_refs()
    {
        var project = Project(
            ("sources.yml", Sources),
            ("c.sql", "{{ config(materialized='view') }}\nselect * from {{ ref('b') }} join {{ref(\"a\")}} on 1 = 1 {# a comment #}"),
            ("b.sql", "select * from {{ ref( 'a' ) }}"),
            ("a.sql", "select id from {{ source('raw', 'events') }}"));
        var runner = new DbtRunner(project, new SynapseDialect());

        var models = runner.CompileModels();

        Assert.Equal(["a", "b", "c"], models.Select(m => m.Name));
        Assert.Equal("select id from [dbo].[fact_event]", models[0].Sql);
        Assert.Equal("select * from [dbo].[b] join [dbo].[a] on 1 = 1", models[2].Sql);
        Assert.Equal(["b", "a"], models[2].Refs);
        Assert.Equal("select * from a", new DbtRunner(project, DuckDbDialect.Instance).CompileModels()[1].Sql);
    }

    [Theory]
    [InlineData("select {{ var('x') }}", "var('x')")]
    [InlineData("{% if true %}select 1{% endif %}", "{% if true %}")]
    [InlineData("select * from {{ ref('missing') }}", "names no model")]
    [InlineData("select * from {{ source('raw', 'nope') }}", "not declared")]
    public void Refuses_what_it_cannot_resolve(string sql, string message)
    {
        var project = Project(("sources.yml", Sources), ("m.sql", sql));

        var ex = Assert.ThrowsAny<Exception>(() => new DbtRunner(project, DuckDbDialect.Instance).CompileModels());

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_cycle_and_a_materialization_other_than_view()
    {
        var cycle = Project(("a.sql", "select * from {{ ref('b') }}"), ("b.sql", "select * from {{ ref('a') }}"));
        Assert.Contains("cycle: a -> b -> a", Assert.Throws<InvalidOperationException>(() => new DbtRunner(cycle, DuckDbDialect.Instance).CompileModels()).Message);

        Assert.Throws<NotSupportedException>(() => Project(("schema.yml", "version: 2\nmodels:\n  - name: a\n    config:\n      materialized: table\n")));
    }

    [Fact]
    public void Compiles_generic_tests_to_queries_returning_the_failing_rows()
    {
        var project = Project(
            ("sources.yml", Sources),
            ("a.sql", "select id, kind from {{ source('raw', 'events') }}"),
            ("schema.yml", """
                version: 2
                models:
                  - name: a
                    columns:
                      - name: id
                        tests:
                          - relationships:
                              to: source('raw', 'events')
                              field: id
                              config:
                                severity: warn
                      - name: kind
                        data_tests:
                          - accepted_values:
                              arguments:
                                values: ['x', "y's"]
                """));
        var runner = new DbtRunner(project, new SynapseDialect("analytics"));

        var tests = runner.CompileTests().ToDictionary(t => t.Definition.Name);

        Assert.Equal(
            new[] { "accepted_values_a_kind", "not_null_source_raw_events_id", "relationships_a_id__source_raw_events__id", "unique_source_raw_events_id" },
            tests.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("SELECT id AS unique_field, COUNT(*) AS n_records\nFROM [analytics].[fact_event]\nWHERE id IS NOT NULL\nGROUP BY id\nHAVING COUNT(*) > 1",
            tests["unique_source_raw_events_id"].Sql);
        Assert.Equal("SELECT id\nFROM [analytics].[fact_event]\nWHERE id IS NULL", tests["not_null_source_raw_events_id"].Sql);
        Assert.Equal(
            "SELECT child.id AS from_field\nFROM [analytics].[a] AS child\nLEFT JOIN [analytics].[fact_event] AS parent ON child.id = parent.id\n"
            + "WHERE child.id IS NOT NULL AND parent.id IS NULL",
            tests["relationships_a_id__source_raw_events__id"].Sql);
        Assert.Equal("warn", tests["relationships_a_id__source_raw_events__id"].Definition.Severity);
        Assert.Contains("NOT IN (N'x', N'y''s')", tests["accepted_values_a_kind"].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_yaml_dbt_files_use()
    {
        var yaml = DbtYamlFile.Parse(new StringReader("""
            # comment
            name: insights   # trailing comment
            list: [a, 'b c', "d#e"]
            map: {x: 1, y: 'two'}
            nested:
              - name: one
                tests:
                  - unique
                  - relationships:
                      to: ref('x')
              -
                name: two
            empty:
            tilde: ~
            quoted_null: 'null'
            quoted: 'it''s'
            escaped: "tab\there"
            description: >
              folded
              text
            anchor: &shared {severity: warn}
            alias: *shared
            """), "schema.yml") as Dictionary<string, object?>;

        Assert.NotNull(yaml);
        Assert.Equal("insights", yaml["name"]);
        Assert.Equal(new object?[] { "a", "b c", "d#e" }, (List<object?>)yaml["list"]!);
        Assert.Equal("two", ((Dictionary<string, object?>)yaml["map"]!)["y"]);
        var nested = (List<object?>)yaml["nested"]!;
        var first = (Dictionary<string, object?>)nested[0]!;
        Assert.Equal("unique", ((List<object?>)first["tests"]!)[0]);
        Assert.Equal("ref('x')", ((Dictionary<string, object?>)((Dictionary<string, object?>)((List<object?>)first["tests"]!)[1]!)["relationships"]!)["to"]);
        Assert.Equal("two", ((Dictionary<string, object?>)nested[1]!)["name"]);
        Assert.Null(yaml["empty"]);
        Assert.Null(yaml["tilde"]);
        Assert.Equal("null", yaml["quoted_null"]);
        Assert.Equal("it's", yaml["quoted"]);
        Assert.Equal("tab\there", yaml["escaped"]);
        Assert.Equal("folded text\n", yaml["description"]);
        Assert.Equal("warn", ((Dictionary<string, object?>)yaml["alias"]!)["severity"]);
        Assert.Null(DbtYamlFile.Parse(new StringReader("# only a comment\n"), "empty.yml"));
    }

    [Theory]
    [InlineData("version: 2\nmodels:\n  - name: a\n   bad: indentation\n", "line 4")]
    [InlineData("version: 2\nversion: 3\n", "line 2")]
    [InlineData("models: [a, b\n", "line 2")]
    [InlineData("a: 1\n---\nb: 2\n", "2 YAML documents")]
    public void A_malformed_properties_file_is_refused_naming_the_file_and_the_place(string text, string where)
    {
        var ex = Assert.Throws<FormatException>(() => Project(("staging/schema.yml", text)));

        Assert.StartsWith(Path.Combine("models", "staging", "schema.yml") + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_project_file_is_refused_naming_it()
    {
        File.WriteAllText(Path.Combine(_root, "dbt_project.yml"), "name: t\nmodel-paths: [\"models\"\n");

        var ex = Assert.Throws<FormatException>(() => DbtProject.Load(_root));

        Assert.StartsWith("dbt_project.yml: line ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_properties_file_of_the_wrong_shape_is_refused_naming_the_file()
    {
        var ex = Assert.Throws<FormatException>(() => Project(("schema.yml", "version: 2\nmodels:\n  - columns: []\n")));

        Assert.Equal(Path.Combine("models", "schema.yml") + ": a model needs 'name'", ex.Message);
    }

    [Fact]
    public void The_shipped_project_reads_and_compiles_for_both_engines()
    {
        var project = DbtProject.Load(Path.Combine(AppContext.BaseDirectory, "dbt"));
        foreach (SqlDialect dialect in new SqlDialect[] { DuckDbDialect.Instance, new SynapseDialect() })
        {
            var runner = new DbtRunner(project, dialect);
            Assert.Equal(16, runner.CompileModels().Count);
            Assert.True(runner.CompileTests().Count >= 40);
        }
    }
}
