namespace Insights.Deployment.Tests;

using Insights.Deployment.Tests.Configuration;
using Insights.Deployment.Tests.Hcl;
using Insights.Deployment.Tests.Support;

/// <summary>
/// infra/terraform, checked without Terraform: every file parses, references resolve, variables are declared, used,
/// described and validated, tfvars set only declared variables, the layout is terraform fmt's, and the outputs that feed
/// the Kubernetes azure overlay name configuration keys the code reads and agree with the overlay.
/// </summary>
public sealed class TerraformTests
{
    private static readonly string Folder = Repo.PathOf("infra", "terraform");
    private static readonly Lazy<TerraformModule> LazyModule = new(() => TerraformModule.Load(Folder));

    private static TerraformModule Module => LazyModule.Value;

    public static TheoryData<string> HclFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.EndsWith(".tfvars", StringComparison.Ordinal)
                         || f.EndsWith(".hcl", StringComparison.Ordinal) || f.EndsWith(".tf.example", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.terraform{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Folder, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void The_configuration_has_the_expected_files()
    {
        foreach (var file in new[]
                 {
                     "providers.tf", "main.tf", "variables.tf", "outputs.tf", "backend.tf.example",
                     "environments/dev.tfvars", "environments/prod.tfvars",
                 })
        {
            Assert.True(File.Exists(Path.Combine(Folder, file)), $"infra/terraform/{file} is missing");
        }
    }

    [Theory]
    [MemberData(nameof(HclFiles))]
    public void Every_file_parses(string file)
    {
        var body = HclParser.ParseFile(Path.Combine(Folder, file));
        Assert.True(body.Attributes.Count + body.Blocks.Count > 0, $"{file} is empty");
    }

    [Theory]
    [MemberData(nameof(HclFiles))]
    public void Every_file_is_formatted_as_terraform_fmt_would(string file)
    {
        var problems = HclFormat.Check(File.ReadAllText(Path.Combine(Folder, file)), file);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Versions_are_pinned_and_the_backend_example_is_a_partial_azurerm_backend()
    {
        var terraform = Module.Files.SelectMany(f => f.Body.BlocksOf("terraform")).Single();
        var requiredVersion = Assert.IsType<HclTemplateExpression>(terraform.Body.Attribute("required_version")!.Value).LiteralValue;
        Assert.Equal(">= 1.6", requiredVersion);
        var providers = Assert.IsType<HclObjectExpression>(
            terraform.Body.BlocksOf("required_providers").Single().Body.Attribute("azurerm")!.Value);
        Assert.Equal("hashicorp/azurerm", ((HclTemplateExpression)providers["source"]!).LiteralValue);
        Assert.StartsWith("~> 4.", ((HclTemplateExpression)providers["version"]!).LiteralValue, StringComparison.Ordinal);

        var example = HclParser.ParseFile(Path.Combine(Folder, "backend.tf.example"));
        var backend = example.BlocksOf("terraform").Single().Body.BlocksOf("backend").Single();
        Assert.Equal("azurerm", backend.Label(0));
        Assert.Null(backend.Body.Attribute("storage_account_name")); // partial: given at init time
        foreach (var environment in new[] { "dev", "prod" })
        {
            var config = HclParser.ParseFile(Path.Combine(Folder, "environments", $"{environment}.backend.hcl"));
            Assert.Equal(
                ["container_name", "key", "resource_group_name", "storage_account_name"],
                config.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Every_variable_used_is_declared_and_every_declared_variable_is_used()
    {
        var used = Module.References().Where(r => r.Reference.Kind == HclReferenceKind.Variable).ToList();
        var undeclared = used.Where(r => !Module.Variables.ContainsKey(r.Reference.Name))
            .Select(r => $"{Repo.Relative(r.File)}:{r.Reference.Line}: {r.Reference}").Distinct().ToList();
        Assert.True(undeclared.Count == 0, "undeclared variables:\n" + string.Join("\n", undeclared));

        var unused = Module.Variables.Keys.Except(used.Select(r => r.Reference.Name)).ToList();
        Assert.True(unused.Count == 0, "declared but never used: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_variable_has_a_description_a_type_and_validation()
    {
        var problems = new List<string>();
        foreach (var (name, block) in Module.Variables)
        {
            var description = (block.Body.Attribute("description")?.Value as HclTemplateExpression)?.LiteralValue;
            if (string.IsNullOrWhiteSpace(description) || description.Length < 15)
            {
                problems.Add($"variable {name}: no description");
            }

            if (block.Body.Attribute("type") is not { } type)
            {
                problems.Add($"variable {name}: no type");
            }
            else if (type.Value.Text != "bool" && !block.Body.BlocksOf("validation").Any())
            {
                problems.Add($"variable {name}: no validation block");
            }

            foreach (var validation in block.Body.BlocksOf("validation"))
            {
                var refersToItself = HclReferences.Find(validation.Body.Attribute("condition")!.Value)
                    .Any(r => r.Kind == HclReferenceKind.Variable && r.Name == name);
                if (!refersToItself || validation.Body.Attribute("error_message") is null)
                {
                    problems.Add($"variable {name}: a validation needs a condition on var.{name} and an error_message");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_local_used_is_defined_and_every_local_defined_is_used()
    {
        var used = Module.References(includeVariableBlocks: true).Where(r => r.Reference.Kind == HclReferenceKind.Local).ToList();
        var undefined = used.Where(r => !Module.Locals.ContainsKey(r.Reference.Name))
            .Select(r => $"{Repo.Relative(r.File)}:{r.Reference.Line}: {r.Reference}").Distinct().ToList();
        Assert.True(undefined.Count == 0, "undefined locals:\n" + string.Join("\n", undefined));
        var unused = Module.Locals.Keys.Except(used.Select(r => r.Reference.Name)).ToList();
        Assert.True(unused.Count == 0, "locals never used: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_resource_data_source_and_module_referenced_is_declared()
    {
        var missing = Module.References(includeVariableBlocks: true)
            .Where(r => r.Reference.Kind switch
            {
                HclReferenceKind.Resource => !Module.Resources.ContainsKey(r.Reference.Name),
                HclReferenceKind.Data => !Module.DataSources.ContainsKey(r.Reference.Name),
                HclReferenceKind.Module => !Module.Modules.ContainsKey(r.Reference.Name),
                _ => false,
            })
            .Select(r => $"{Repo.Relative(r.File)}:{r.Reference.Line}: {r.Reference}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "references to nothing declared:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_tfvars_sets_only_declared_variables_and_every_required_one(string environment)
    {
        var path = Path.Combine(Folder, "environments", $"{environment}.tfvars");
        var tfvars = HclParser.ParseFile(path);
        Assert.Empty(tfvars.Blocks);
        var undeclared = tfvars.Attributes.Where(a => !Module.Variables.ContainsKey(a.Name)).Select(a => $"{a.Name} (line {a.Line})").ToList();
        Assert.True(undeclared.Count == 0, $"{environment}.tfvars sets undeclared variables: {string.Join(", ", undeclared)}");

        var required = Module.Variables.Where(v => v.Value.Body.Attribute("default") is null).Select(v => v.Key);
        var unset = required.Except(tfvars.Attributes.Select(a => a.Name)).ToList();
        Assert.True(unset.Count == 0, $"{environment}.tfvars misses required variables: {string.Join(", ", unset)}");
        Assert.Equal(environment, (tfvars.Attribute("environment")!.Value as HclTemplateExpression)?.LiteralValue);
    }

    [Fact]
    public void The_stack_has_every_service_the_azure_overlay_needs()
    {
        var types = Module.Resources.Keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var type in new[]
                 {
                     "azurerm_resource_group", "azurerm_storage_account", "azurerm_storage_container", "azurerm_storage_queue",
                     "azurerm_eventhub_namespace", "azurerm_eventhub", "azurerm_eventhub_consumer_group", "azurerm_storage_table", "azurerm_cognitive_account",
                     "azurerm_synapse_workspace", "azurerm_synapse_sql_pool", "azurerm_key_vault", "azurerm_key_vault_secret",
                     "azurerm_kubernetes_cluster", "azurerm_user_assigned_identity",
                     "azurerm_federated_identity_credential", "azurerm_container_registry", "azurerm_role_assignment",
                 })
        {
            Assert.Contains(type, types);
        }

        // Membership and reminders live in the storage account's tables (Insights:Cluster:Provider=AzureTable).
        Assert.DoesNotContain("azurerm_redis_cache", types);

        var aks = Module.Resources["azurerm_kubernetes_cluster.main"].Body;
        Assert.Equal("true", aks.Attribute("oidc_issuer_enabled")!.Value.Text);
        Assert.Equal("true", aks.Attribute("workload_identity_enabled")!.Value.Text);
        Assert.Single(aks.BlocksOf("key_vault_secrets_provider"));

        var storage = Module.Resources["azurerm_storage_account.lake"].Body;
        Assert.Equal("true", storage.Attribute("is_hns_enabled")!.Value.Text);
        Assert.Equal("\"Standard\"", Module.Resources["azurerm_eventhub_namespace.main"].Body.Attribute("sku")!.Value.Text);
        Assert.Equal("\"TextAnalytics\"", Module.Resources["azurerm_cognitive_account.language"].Body.Attribute("kind")!.Value.Text);

        // role_definition_name = "..." on role assignments, or role = "..." in the objects their for_each iterates.
        var roles = Module.Files.SelectMany(f => f.Body.AllAttributes())
            .SelectMany(a => ObjectItems(a.Value).Prepend((a.Name, a.Value)))
            .Where(a => a.Item1 is "role_definition_name" or "role")
            .Select(a => (a.Item2 as HclTemplateExpression)?.LiteralValue)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var role in new[]
                 {
                     "Storage Blob Data Contributor", "Storage Queue Data Contributor", "Cognitive Services User",
                     "Key Vault Secrets User", "AcrPull", "Azure Event Hubs Data Receiver", "Azure Event Hubs Data Sender",
                     "Storage Table Data Contributor",
                 })
        {
            Assert.Contains(role, roles);
        }
    }

    [Fact]
    public void The_workload_identity_is_federated_with_the_service_accounts_of_the_azure_overlay()
    {
        var accounts = Assert.IsType<HclTupleExpression>(Module.Locals["workload_service_accounts"].Value).Items
            .Select(i => ((HclTemplateExpression)i).LiteralValue).ToHashSet(StringComparer.Ordinal);

        var overlay = Kustomization.Load(Repo.PathOf("infra", "k8s", "overlays", "azure"));
        var used = overlay.Resources.Select(r => r.Document)
            .Where(d => Yaml.Str(Yaml.Get(d, "kind")) == "Deployment")
            .Select(d => Yaml.Str(Yaml.Get(d, "spec", "template", "spec", "serviceAccountName")))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(used.Order(StringComparer.Ordinal), accounts.Order(StringComparer.Ordinal));
        foreach (var account in accounts)
        {
            Assert.NotNull(overlay.Resource("ServiceAccount", account!));
        }

        var subject = ((HclTemplateExpression)Module.Resources["azurerm_federated_identity_credential.workload"].Body.Attribute("subject")!.Value).Template.Text;
        Assert.StartsWith("system:serviceaccount:", subject, StringComparison.Ordinal);
        foreach (var overrides in TfvarsOverrides().Prepend(("defaults", new Dictionary<string, HclExpression>())))
        {
            var ns = Module.Evaluate(new HclOtherExpression(HclLexer.Tokenize("var.kubernetes_namespace").SkipLast(1).ToList()), overrides.Item2);
            Assert.True(ns == overlay.Namespace, $"{overrides.Item1}: kubernetes_namespace '{ns}' is not the azure overlay's namespace '{overlay.Namespace}'");
        }
    }

    [Fact]
    public void Key_vault_secrets_are_the_secret_provider_class_mapping_and_name_known_keys()
    {
        var catalog = ConfigurationCatalog.FromCode();
        var output = Module.Outputs["key_vault_secrets"].Body.Attribute("value")!.Value;
        var mapping = Assert.IsType<HclObjectExpression>(Resolve(output));
        var fromTerraform = mapping.Items.ToDictionary(i => i.Key, i => ((HclTemplateExpression)i.Value).LiteralValue!, StringComparer.Ordinal);

        var unknown = fromTerraform.Values.Where(v => !catalog.IsKnownVariable(v)).ToList();
        Assert.True(unknown.Count == 0, "Key Vault secrets feed keys the code never reads: " + string.Join(", ", unknown));

        var spc = Yaml.LoadFile(Repo.PathOf("infra", "k8s", "overlays", "azure", "secret-provider-class.yaml")).Single();
        var fromOverlay = Yaml.List(Yaml.Get(spc, "spec", "secretObjects", 0, "data"))
            .ToDictionary(d => Yaml.Str(Yaml.Get(d, "objectName"))!, d => Yaml.Str(Yaml.Get(d, "key"))!, StringComparer.Ordinal);
        Assert.Equal(fromTerraform.OrderBy(kv => kv.Key, StringComparer.Ordinal), fromOverlay.OrderBy(kv => kv.Key, StringComparer.Ordinal));

        // Every secret the mapping names is written by Terraform (for_each over the same local).
        var secrets = Module.Resources["azurerm_key_vault_secret.config"].Body.Attribute("for_each")!.Value.Text;
        Assert.Equal("local . key_vault_secret_config_keys", secrets);
        var values = Assert.IsType<HclObjectExpression>(Module.Locals["key_vault_secret_values"].Value);
        Assert.Equal(fromTerraform.Keys.Order(StringComparer.Ordinal), values.Items.Select(i => i.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void App_settings_name_keys_the_code_reads_and_match_the_azure_overlay()
    {
        var catalog = ConfigurationCatalog.FromCode();
        var settings = Assert.IsType<HclObjectExpression>(Module.Outputs["app_settings"].Body.Attribute("value")!.Value);
        var unknown = settings.Items.Where(i => !catalog.IsKnownVariable(i.Key)).Select(i => i.Key).ToList();
        Assert.True(unknown.Count == 0, "app_settings names keys the code never reads: " + string.Join(", ", unknown));

        var overlay = Kustomization.Load(Repo.PathOf("infra", "k8s", "overlays", "azure"));
        var config = overlay.ConfigMaps["insights-config"];
        var problems = new List<string>();
        foreach (var item in settings.Items)
        {
            if (!config.TryGetValue(item.Key, out var inOverlay))
            {
                problems.Add($"{item.Key}: in app_settings, not in the azure overlay's config.env");
                continue;
            }

            // Values Terraform knows without Azure (literals, variable defaults and each environment's tfvars) must be
            // the overlay's, which serves every environment.
            foreach (var (name, overrides) in TfvarsOverrides().Prepend(("defaults", new Dictionary<string, HclExpression>())))
            {
                if (Module.Evaluate(item.Value, overrides) is { } value && value != inOverlay)
                {
                    problems.Add($"{item.Key}: Terraform ({name}) gives '{value}', the azure overlay '{inOverlay}'");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Overlay_placeholders_output_fills_exactly_the_placeholders_of_the_azure_overlay()
    {
        var placeholders = Assert.IsType<HclObjectExpression>(Module.Outputs["overlay_placeholders"].Body.Attribute("value")!.Value)
            .Items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);

        var inOverlay = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf("infra", "k8s", "overlays", "azure")))
        {
            foreach (var line in File.ReadLines(file).Where(l => !l.TrimStart().StartsWith('#')))
            {
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(line, "<[a-z][a-z-]*>"))
                {
                    inOverlay.Add(m.Value);
                }
            }
        }

        inOverlay.Remove("<version>"); // the image tag: chosen at release, not by Terraform
        Assert.Equal(inOverlay.Order(StringComparer.Ordinal), placeholders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Outputs_are_described_and_every_configuration_key_they_mention_exists()
    {
        var catalog = ConfigurationCatalog.FromCode();
        var problems = new List<string>();
        foreach (var (name, block) in Module.Outputs)
        {
            var description = (block.Body.Attribute("description")?.Value as HclTemplateExpression)?.LiteralValue;
            if (string.IsNullOrWhiteSpace(description))
            {
                problems.Add($"output {name}: no description");
                continue;
            }

            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(description, @"Insights__\w+"))
            {
                if (!catalog.IsKnownVariable(m.Value))
                {
                    problems.Add($"output {name}: mentions {m.Value}, which the code never reads");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<(string, HclExpression)> ObjectItems(HclExpression expression) => expression switch
    {
        HclObjectExpression o => o.Items.SelectMany(i => ObjectItems(i.Value).Prepend((i.Key, i.Value))),
        HclTupleExpression t => t.Items.SelectMany(ObjectItems),
        _ => [],
    };

    private static HclExpression Resolve(HclExpression expression)
    {
        var tokens = expression.Tokens;
        return tokens.Count == 3 && tokens[0].Text == "local" && tokens[1].Is(".") ? Module.Locals[tokens[2].Text].Value : expression;
    }

    private static IEnumerable<(string Name, Dictionary<string, HclExpression> Overrides)> TfvarsOverrides() =>
        new[] { "dev", "prod" }.Select(e => ($"{e}.tfvars", HclParser.ParseFile(Path.Combine(Folder, "environments", $"{e}.tfvars"))
            .Attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal)));
}
