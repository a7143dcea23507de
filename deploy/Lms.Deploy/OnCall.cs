using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// Where every alarm goes: one SNS topic per stage, with the subscriptions the context names — an email address
/// (<c>alarmEmail</c>, confirmed by its owner from the first mail) and a chat webhook (<c>alarmWebhookUrl</c>). A chat
/// webhook wants <c>{"text": …}</c>, not SNS's envelope, and cannot confirm a subscription, so a small function
/// subscribed to the topic posts each alarm's state change to it.
/// </summary>
public sealed class OnCall : Construct
{
    public Topic Topic { get; }

    public OnCall(Construct scope, string id, DeploySettings settings)
        : base(scope, id)
    {
        Topic = new Topic(this, "Topic", new TopicProps
        {
            TopicName = $"{settings.Prefix}-on-call",
            DisplayName = $"LMS {settings.Stage} on-call",
        });

        if (settings.AlarmEmail is { } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }

        if (settings.AlarmWebhookUrl is { } webhook)
        {
            var functionName = $"{settings.Prefix}-alarm-to-chat";
            // Made here, where it has a retention; left to Lambda, its log group would keep everything for ever.
            _ = new LogGroup(this, "ChatForwarderLogs", new LogGroupProps
            {
                LogGroupName = $"/aws/lambda/{functionName}",
                Retention = settings.IsProduction ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            var forwarder = new Function(this, "ChatForwarder", new FunctionProps
            {
                FunctionName = functionName,
                Description = "Posts each CloudWatch alarm of the on-call topic to the chat webhook as {text}",
                // Named, because CDK 2.103 (the newest the registry serves) knows no runtime this recent.
                Runtime = new Runtime("nodejs22.x", RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true }),
                Handler = "index.handler",
                Code = Code.FromInline(ForwarderSource),
                Timeout = Duration.Seconds(10),
                MemorySize = 128,
                Environment = new Dictionary<string, string> { ["WEBHOOK_URL"] = webhook, ["STAGE"] = settings.Stage },
            });
            Topic.AddSubscription(new LambdaSubscription(forwarder));
        }
    }

    // The alarm's name, new state and reason, and the runbook to open (docs/OPERATIONS.md has one per alarm).
    private const string ForwarderSource = """
        exports.handler = async (event) => {
          for (const record of event.Records) {
            let text = record.Sns.Subject || 'LMS alarm';
            try {
              const alarm = JSON.parse(record.Sns.Message);
              text = `[${process.env.STAGE}] ${alarm.NewStateValue}: ${alarm.AlarmName}\n${alarm.NewStateReason}\n` +
                `${alarm.AlarmDescription || ''}`;
            } catch (e) {
              text += '\n' + record.Sns.Message;
            }
            const response = await fetch(process.env.WEBHOOK_URL, {
              method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
            });
            if (!response.ok) throw new Error(`chat webhook answered ${response.status}`);
          }
        };
        """;
}
