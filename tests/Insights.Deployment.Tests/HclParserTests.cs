namespace Insights.Deployment.Tests;

using Insights.Deployment.Tests.Hcl;

/// <summary>The small HCL parser the Terraform tests rely on: what it reads, and that it refuses broken files.</summary>
public sealed class HclParserTests
{
    private const string Sample = """
        # comment
        // another comment
        /* block
           comment */
        terraform {
          required_version = ">= 1.6"
        }

        variable "name" {
          description = "A name with \"quotes\" and $${literal}"
          type        = string
          default     = null
        }

        locals {
          greeting = "hello ${var.name}-${upper(local.suffix)}"
          suffix   = "x"
          items    = [for s in var.list : "${s}-1" if s != ""]
          object = {
            "quoted key" = azurerm_storage_account.lake.primary_blob_endpoint
            bare_key     = tostring(var.count)
            nested = {
              inner = [1, 2.5, true]
            }
          }
          text = <<-EOT
            line one ${var.name}
            line two
          EOT
        }

        data "azurerm_client_config" "current" {}

        resource "azurerm_thing" "main" {
          count = var.count > 0 ? 1 : 0
          name  = data.azurerm_client_config.current.tenant_id
          list  = [azurerm_other.this["a"].id, module.net.subnet_id]

          nested_block {
            key = each.value.x
          }
        }
        """;

    [Fact]
    public void Parses_blocks_attributes_templates_objects_tuples_and_heredocs()
    {
        var body = HclParser.Parse(Sample, "sample.tf");

        Assert.Equal(["terraform", "variable", "locals", "data", "resource"], body.Blocks.Select(b => b.Type));
        var variable = body.BlocksOf("variable").Single();
        Assert.Equal("name", variable.Label(0));
        Assert.Equal("A name with \"quotes\" and ${literal}", ((HclTemplateExpression)variable.Body.Attribute("description")!.Value).LiteralValue);

        var locals = body.BlocksOf("locals").Single().Body;
        Assert.Equal(["greeting", "suffix", "items", "object", "text"], locals.Attributes.Select(a => a.Name));
        var greeting = (HclTemplateExpression)locals.Attribute("greeting")!.Value;
        Assert.Null(greeting.LiteralValue);
        Assert.Equal(2, greeting.Template.Parts.Count(p => p.Interpolation is not null));

        var obj = Assert.IsType<HclObjectExpression>(locals.Attribute("object")!.Value);
        Assert.Equal(["quoted key", "bare_key", "nested"], obj.Items.Select(i => i.Key));
        var nested = Assert.IsType<HclObjectExpression>(obj["nested"]);
        Assert.Equal(3, Assert.IsType<HclTupleExpression>(nested["inner"]).Items.Count);

        var heredoc = (HclTemplateExpression)locals.Attribute("text")!.Value;
        Assert.True(heredoc.Template.IsHeredoc);
        Assert.Contains("line two", heredoc.Template.Text, StringComparison.Ordinal);

        var resource = body.BlocksOf("resource").Single();
        Assert.Equal(["azurerm_thing", "main"], resource.Labels);
        Assert.Equal("nested_block", resource.Body.Blocks.Single().Type);
    }

    [Fact]
    public void Finds_references_in_expressions_and_interpolations()
    {
        var body = HclParser.Parse(Sample, "sample.tf");
        var references = body.AllAttributes().SelectMany(a => HclReferences.Find(a.Value)).Select(r => r.ToString()).ToHashSet();

        Assert.Contains("var.name", references);
        Assert.Contains("var.list", references);
        Assert.Contains("var.count", references);
        Assert.Contains("local.suffix", references);
        Assert.Contains("azurerm_storage_account.lake", references);
        Assert.Contains("azurerm_other.this", references);
        Assert.Contains("module.net", references);
        Assert.Contains("data.azurerm_client_config.current", references);
        Assert.DoesNotContain(references, r => r.StartsWith("s.", StringComparison.Ordinal) || r.StartsWith("each.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a = {\n  b = 1\n", "never closed")]
    [InlineData("a = [1, 2\n", "never closed")]
    [InlineData("a = (1 + 2]\n", "does not match")]
    [InlineData("a = 1 ]\n", "closes nothing")]
    [InlineData("block {\n  a = 1\n", "closing '}'")]
    [InlineData("a = 1\n}\n", "unexpected '}'")]
    [InlineData("a = \"unterminated\n", "unterminated string")]
    [InlineData("a = \"${var.x\"\n", "unterminated")]
    [InlineData("a = <<EOT\nno end\n", "unterminated heredoc")]
    [InlineData("/* no end\na = 1\n", "unterminated /* comment")]
    [InlineData("a = 1 b = 2\n", "expected a new line")]
    [InlineData("block { a = 1 } b = 2\n", "expected a new line")]
    [InlineData("a =\n", "has no value")]
    [InlineData("\"label\" {}\n", "expected an attribute name")]
    [InlineData("a = `x`\n", "unexpected character")]
    public void Refuses_unbalanced_or_malformed_input(string text, string expected)
    {
        var ex = Assert.Throws<HclSyntaxException>(() => HclParser.Parse(text, "bad.tf"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.tf:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_check_accepts_terraform_fmt_layout_and_reports_deviations()
    {
        const string good = """
            resource "x" "y" {
              name     = "a"
              location = "b"
              tags = {
                a   = 1
                bcd = 2
              }

              list = join(";", [
                "one",
              ])
              text = <<EOT
            anything goes
              here
            EOT
            }

            """;
        Assert.Empty(HclFormat.Check(good, "good.tf"));

        var bad = good.Replace("  name     = \"a\"", "  name = \"a\"", StringComparison.Ordinal)
            .Replace("    \"one\",", "      \"one\",", StringComparison.Ordinal)
            .Replace("bcd = 2", "bcd = 2  ", StringComparison.Ordinal)
            .Replace("  location", "\tlocation", StringComparison.Ordinal);
        var problems = HclFormat.Check(bad, "bad.tf");
        Assert.Contains(problems, p => p.Contains("'=' at column", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("indented 6 spaces, expected 4", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("trailing white space", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("tab", StringComparison.Ordinal));
    }
}
