namespace Insights.Deployment.Tests;

using Insights.Deployment.Tests.Support;

/// <summary>.github/workflows: CI runs the README's test command, images are built from the real Dockerfiles, Terraform is checked and applied only after approval.</summary>
public sealed class WorkflowTests
{
    private static object? Workflow(string name) => Yaml.LoadFile(Repo.PathOf(".github", "workflows", name)).Single();

    private static IEnumerable<object?> Steps(object? workflow, string job) => Yaml.List(Yaml.Get(workflow, "jobs", job, "steps"));

    private static IEnumerable<string> Runs(object? workflow, string job) => Steps(workflow, job).Select(s => Yaml.Str(Yaml.Get(s, "run"))).OfType<string>();

    private static IEnumerable<string> Uses(object? workflow, string job) => Steps(workflow, job).Select(s => Yaml.Str(Yaml.Get(s, "uses"))).OfType<string>();

    [Fact]
    public void Ci_runs_the_test_script_with_dotnet_10_and_node_20()
    {
        var ci = Workflow("ci.yml");
        Assert.True(Yaml.Map(Yaml.Get(ci, "on")).ContainsKey("push"));
        Assert.True(Yaml.Map(Yaml.Get(ci, "on")).ContainsKey("pull_request"));
        Assert.Contains(Runs(ci, "test"), r => r.Trim() == "./test.sh");
        var dotnet = Steps(ci, "test").Single(s => Yaml.Str(Yaml.Get(s, "uses"))?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.StartsWith("10.", Yaml.Str(Yaml.Get(dotnet, "with", "dotnet-version")), StringComparison.Ordinal);
        var node = Steps(ci, "test").Single(s => Yaml.Str(Yaml.Get(s, "uses"))?.StartsWith("actions/setup-node@", StringComparison.Ordinal) == true);
        Assert.Equal("20", Yaml.Str(Yaml.Get(node, "with", "node-version")));
        // Ubuntu has no chromium .deb: the workflow points /usr/bin/chromium at the runner's Chrome before provision.sh looks.
        Assert.Contains(Runs(ci, "test"), r => r.Contains("/usr/bin/chromium", StringComparison.Ordinal));

        // .ci/run is the same command.
        Assert.Contains("./test.sh", Repo.Read(".ci", "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void Images_are_built_from_the_dockerfiles_on_version_tags()
    {
        var images = Workflow("images.yml");
        Assert.Equal(["v*"], Yaml.List(Yaml.Get(images, "on", "push", "tags")).Select(Yaml.Str));
        var matrix = Yaml.List(Yaml.Get(images, "jobs", "build", "strategy", "matrix", "include"))
            .Select(i => (Yaml.Str(Yaml.Get(i, "image"))!, Yaml.Str(Yaml.Get(i, "dockerfile"))!)).ToList();
        Assert.Equal(Processes.Images.Select(i => (i.Name, i.Dockerfile)), matrix);
        var uses = Uses(images, "build").ToList();
        Assert.Contains(uses, u => u.StartsWith("docker/build-push-action@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("azure/login@", StringComparison.Ordinal));
        Assert.Equal("write", Yaml.Str(Yaml.Get(images, "permissions", "id-token")));
    }

    [Fact]
    public void Terraform_is_formatted_validated_planned_per_environment_and_applied_only_after_approval()
    {
        var terraform = Workflow("terraform.yml");
        Assert.Contains("infra/terraform/**", Yaml.List(Yaml.Get(terraform, "on", "pull_request", "paths")).Select(Yaml.Str));
        var validate = Runs(terraform, "validate").ToList();
        Assert.Contains(validate, r => r.Contains("terraform fmt -check", StringComparison.Ordinal));
        Assert.Contains(validate, r => r.Contains("terraform init -backend=false", StringComparison.Ordinal));
        Assert.Contains(validate, r => r.Trim() == "terraform validate");
        Assert.Contains(Runs(terraform, "plan"), r => r.Contains("-var-file=environments/${{ matrix.environment }}.tfvars", StringComparison.Ordinal));

        // The dispatch choices are the environments that have tfvars (and backend settings).
        var choices = Yaml.List(Yaml.Get(terraform, "on", "workflow_dispatch", "inputs", "environment", "options")).Select(Yaml.Str).OfType<string>().ToList();
        var environments = Directory.EnumerateFiles(Repo.PathOf("infra", "terraform", "environments"), "*.tfvars")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(environments, choices.Order(StringComparer.Ordinal));
        foreach (var environment in environments)
        {
            Assert.True(File.Exists(Repo.PathOf("infra", "terraform", "environments", $"{environment}.backend.hcl")), $"{environment}.backend.hcl is missing");
        }

        var apply = Yaml.Get(terraform, "jobs", "apply");
        Assert.Equal("${{ github.event.inputs.environment }}", Yaml.Str(Yaml.Get(apply, "environment"))); // required reviewers
        Assert.Contains("workflow_dispatch", Yaml.Str(Yaml.Get(apply, "if")), StringComparison.Ordinal);
        Assert.Contains(Runs(terraform, "apply"), r => r.Contains("terraform apply", StringComparison.Ordinal) && r.Contains(".tfplan", StringComparison.Ordinal));
    }
}
