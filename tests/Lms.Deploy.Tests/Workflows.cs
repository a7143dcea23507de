using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Lms.Deploy.Tests;

/// <summary>
/// Every workflow in <c>.github/workflows</c>, parsed: the paths, Dockerfiles and projects it names exist, the
/// services it deploys are the service table's, and it reaches AWS only through OIDC.
/// </summary>
public sealed partial class Workflows
{
    // Keys whose values are repository paths, wherever they appear in a workflow.
    private static readonly HashSet<string> PathKeys = ["paths", "file", "dockerfile", "working-directory", "global-json-file", "project"];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf(".github/workflows"), "*.yml").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void Exist_for_tests_service_deployment_and_the_infrastructure()
    {
        var files = Directory.EnumerateFiles(Repository.PathOf(".github/workflows"), "*.yml").Select(Path.GetFileName).Order();
        Assert.Equal(["cdk.yml", "ci.yml", "deploy-services.yml"], files);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Name_only_paths_and_projects_that_exist(string file)
    {
        var root = Load(file);
        var named = new List<string>();
        Collect(root, key: null, named);
        Assert.NotEmpty(named);
        var missing = named.Distinct().Where(path => !Repository.Exists(path)).ToList();
        Assert.True(missing.Count == 0, $"{file} names what does not exist: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Reach_AWS_only_with_OIDC_credentials_and_pin_every_action(string file)
    {
        var text = Repository.Read($".github/workflows/{file}");
        Assert.DoesNotContain("aws-access-key-id", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS_SECRET_ACCESS_KEY", text, StringComparison.Ordinal);
        if (text.Contains("configure-aws-credentials", StringComparison.Ordinal))
        {
            Assert.Contains("role-to-assume:", text, StringComparison.Ordinal);
            Assert.Contains("id-token: write", text, StringComparison.Ordinal);
        }
        foreach (Match uses in UsesPattern().Matches(text))
        {
            Assert.Matches(@"@v\d+$", uses.Groups[1].Value);
        }
    }

    [Fact]
    public void Run_the_README_s_test_command_on_pull_requests()
    {
        var readme = Repository.Read("README.md");
        Assert.Contains("./lms test", readme, StringComparison.Ordinal);
        var ci = Load("ci.yml");
        Assert.True(((YamlMappingNode)ci["on"]).Children.ContainsKey("pull_request"));
        Assert.Contains(Scalars(ci["jobs"]), s => s.Trim() == "./lms test");
    }

    [Fact]
    public void Deploy_each_changed_service_of_the_table_and_verify_its_digest_in_ECR()
    {
        var workflow = Load("deploy-services.yml");
        var filterText = Scalars(workflow["jobs"]).Single(s => s.Contains("services/Identity/**", StringComparison.Ordinal));
        var filters = new YamlStream();
        filters.Load(new StringReader(filterText));
        var names = ((YamlMappingNode)filters.Documents[0].RootNode).Children.Keys.Select(k => k.ToString()).Where(k => k != "shared");
        Assert.Equal(ServiceCatalog.All.Select(s => s.Name).Order(), names.Order());
        foreach (var service in ServiceCatalog.All)
        {
            Assert.Contains($"{service.Dir}/**", filterText, StringComparison.Ordinal);
        }

        var steps = Scalars(workflow["jobs"]).ToList();
        Assert.Contains(steps, s => s.Contains("aws ecr describe-images", StringComparison.Ordinal) && s.Contains("--image-ids imageDigest=\"$DIGEST\"", StringComparison.Ordinal));
        Assert.Contains("aws-actions/amazon-ecs-render-task-definition@v1", steps);
        Assert.Contains("aws-actions/amazon-ecs-deploy-task-definition@v2", steps);
        Assert.Contains(steps, s => s.Contains("@${{ steps.build.outputs.digest }}", StringComparison.Ordinal));
        Assert.Contains(ServiceCatalog.All, s => s.Name == "gateway");
    }

    [Fact]
    public void Diff_the_infrastructure_on_pull_requests_and_deploy_it_by_hand()
    {
        var workflow = Load("cdk.yml");
        var on = (YamlMappingNode)workflow["on"];
        Assert.True(on.Children.ContainsKey("pull_request"));
        Assert.True(on.Children.ContainsKey("workflow_dispatch"));
        var scripts = Scalars(workflow["jobs"]).ToList();
        Assert.Contains(scripts, s => s.TrimStart().StartsWith("cdk diff", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.TrimStart().StartsWith("cdk deploy", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.Contains("npm install --global aws-cdk@", StringComparison.Ordinal));
    }

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Repository.Read($".github/workflows/{file}")));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => Scalars(pair.Value)),
        _ => [],
    };

    // Paths under the keys above; path-like words in run scripts; the path lists inside a paths-filter block.
    private static void Collect(YamlNode node, string? key, List<string> named)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (k, v) in mapping.Children)
                {
                    Collect(v, k.ToString(), named);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Collect(item, key, named);
                }
                break;
            case YamlScalarNode { Value: { } value }:
                if (key is not null && PathKeys.Contains(key) && !value.Contains("${{", StringComparison.Ordinal))
                {
                    named.Add(value);
                }
                else if (key == "filters")
                {
                    var filters = new YamlStream();
                    filters.Load(new StringReader(value));
                    named.AddRange(Scalars(filters.Documents[0].RootNode).Where(v => v.Contains('/') || v.Contains('.')));
                }
                else if (key == "run")
                {
                    named.AddRange(RepositoryPath().Matches(value).Select(m => m.Value));
                }
                break;
        }
    }

    [GeneratedRegex(@"(?<![\w$/.-])(?:\./lms\b|(?:deploy|services|gateway|contracts|tests|tools|scripts|\.ci|\.github)/[\w./*-]*\w)")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"uses:\s*([^\s#]+)")]
    private static partial Regex UsesPattern();
}
