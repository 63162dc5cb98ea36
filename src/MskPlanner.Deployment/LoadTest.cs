using System.Text;

using MskPlanner.Sizing;

namespace MskPlanner.Deployment;

/// <summary>Kafka's own perf-test tools, sized to reproduce the plan's peak and fan-out, with the runbook that says what passes.</summary>
public static class LoadTest
{
    public const string Topic = "mskplanner-loadtest";

    /// <summary>
    /// What one kafka-producer-perf-test process sustains: our assumption for a client on a network-optimised
    /// instance in the cluster's VPC, not an AWS figure. More instances share the plan's peak between them.
    /// </summary>
    public const double MiBpsPerProducer = 25;

    /// <summary>The record size the commands use; the plan describes bytes, not messages.</summary>
    public const int RecordBytes = 1024;

    public const int MinutesAtPeak = MigrationEngine.LoadTestMinutesAtPeak;

    public static int Producers(ClusterBlueprint plan) => Math.Max(1, (int)Math.Ceiling(plan.Input.PeakDataInMiBps / MiBpsPerProducer));

    /// <summary>One consumer group per time the data is read: the plan's fan-out, at least one.</summary>
    public static int ConsumerGroups(ClusterBlueprint plan) => Math.Max(1, (int)Math.Round(plan.Sizing.Network.FanOut, MidpointRounding.AwayFromZero));

    public static long RecordsPerSecondPerProducer(ClusterBlueprint plan) =>
        Math.Max(1, (long)Math.Ceiling(plan.Input.PeakDataInMiBps * 1024 * 1024 / RecordBytes / Producers(plan)));

    public static string ClientProperties(ClusterBlueprint plan)
    {
        var tls = plan.Input.ClientBrokerEncryption != ClientTraffic.Plaintext;
        return plan.Input.ClientAuthentication switch
        {
            Authentication.Iam => """
                security.protocol=SASL_SSL
                sasl.mechanism=AWS_MSK_IAM
                sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;
                sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler
                # Needs the aws-msk-iam-auth jar on the tools' classpath (libs/).

                """,
            Authentication.Scram => """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="REPLACE" password="REPLACE";
                # The user and password of a secret associated with the cluster (AmazonMSK_ prefix, customer KMS key).

                """,
            Authentication.MutualTls => """
                security.protocol=SSL
                ssl.keystore.location=/path/to/client.keystore.jks
                ssl.keystore.password=REPLACE
                ssl.key.password=REPLACE
                # A client certificate issued by the ACM Private CA the cluster trusts.

                """,
            Authentication.Unauthenticated => tls ? "security.protocol=SSL\n" : "security.protocol=PLAINTEXT\n",
        };
    }

    public static string Commands(ClusterBlueprint plan)
    {
        var producers = Producers(plan);
        var groups = ConsumerGroups(plan);
        var rate = RecordsPerSecondPerProducer(plan);
        var records = rate * MinutesAtPeak * 60;
        var consumed = records * producers;
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n")
            .Append($"# Load test for \"{plan.PlanName}\": {Figures.Number(plan.Input.PeakDataInMiBps)} MiB/s in at peak, read {groups} time(s).\n")
            .Append("# Run from clients in the cluster's VPC with Apache Kafka's bin/ tools; BOOTSTRAP is the cluster's bootstrap string.\n")
            .Append("set -euo pipefail\n: \"${BOOTSTRAP:?set BOOTSTRAP to the bootstrap brokers of the cluster}\"\n\n")
            .Append("# 1. The test topic, with the plan's leader partitions, replication factor and retention.\n")
            .Append($"bin/kafka-topics.sh --bootstrap-server \"$BOOTSTRAP\" --command-config client.properties --create --topic {Topic} \\\n")
            .Append($"  --partitions {plan.LeaderPartitions} --replication-factor {plan.ReplicationFactor}")
            .Append(string.Concat(plan.TopicConfigs.Select(c => $" --config {c.Key}={c.Value}")))
            .Append("\n\n")
            .Append($"# 2. Producers: {producers} instance(s) at {Figures.Number(MiBpsPerProducer)} MiB/s each at most (our assumption per client),\n")
            .Append($"#    {rate:N0} records/s of {RecordBytes} bytes each, for {MinutesAtPeak} minutes. Start one per client machine.\n")
            .Append($"bin/kafka-producer-perf-test.sh --topic {Topic} --num-records {records} --record-size {RecordBytes} --throughput {rate} \\\n")
            .Append("  --producer-props acks=all linger.ms=5 batch.size=262144 bootstrap.servers=\"$BOOTSTRAP\" \\\n")
            .Append("  --producer.config client.properties\n\n")
            .Append($"# 3. Consumers: one group per read of the data (the plan's fan-out is {Figures.Number(plan.Sizing.Network.FanOut)}), started with the producers.\n");
        for (var g = 1; g <= groups; g++)
        {
            text.Append($"bin/kafka-consumer-perf-test.sh --bootstrap-server \"$BOOTSTRAP\" --topic {Topic} --messages {consumed} \\\n")
                .Append($"  --group {Topic}-g{g} --consumer.config client.properties --show-detailed-stats --timeout 60000 &\n");
        }

        text.Append("wait\n");
        return text.ToString();
    }

    public static string Runbook(ClusterBlueprint plan)
    {
        var brokers = $"{plan.BrokersPerCluster} x {plan.Type.Name}";
        return $"""
            # Proving {plan.PlanName} on {brokers}

            1. Create the cluster from the Terraform, CloudFormation or CLI files and apply the alarms.
            2. Create the test topic and start the producers and consumers in loadtest.sh together. Hold the peak for at
               least {MinutesAtPeak} minutes: Kafka's sustained throughput, not its first minutes, is what the plan sized.
            3. Under load, reboot one broker (`aws kafka reboot-broker --cluster-arn ... --broker-ids 1`), as AWS's Express
               guidance asks: the cluster must keep serving from the other brokers while it returns.
            4. Watch the alarms and the CloudWatch metrics of every broker throughout.

            ## It passes when
            - each producer sustains at least 99.5% of its requested {RecordsPerSecondPerProducer(plan):N0} records/s ({Figures.Number(plan.Input.PeakDataInMiBps)} MiB/s in all);
            - the p99 latency kafka-producer-perf-test.sh reports stays within what your applications need (write it down here: ____ ms);
            - CPU user + system stays under 60% on every broker;
            - no partition is under-replicated once the rebooted broker is back, and none goes under min ISR during the test;
            - every consumer group keeps up: its lag returns to zero when the producers stop.

            """;
    }
}
