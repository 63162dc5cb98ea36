namespace MskPlanner.Sizing;

// The cluster's settings the deploy files write. The API, the form and saved plans name each member in camel case
// ("mutualTls"; see ClusterChoices.NameOf). Switches over them list every member and no discard, so a new member is
// a build error at each one (CS8509) and a value outside the enum throws rather than falling back to a default.

/// <summary>How clients prove who they are to the brokers.</summary>
public enum Authentication
{
    Iam,
    Scram,
    MutualTls,
    Unauthenticated,
}

/// <summary>What may travel between clients and brokers: MSK's ClientBroker setting.</summary>
public enum ClientTraffic
{
    Tls,
    TlsPlaintext,
    Plaintext,
}

/// <summary>Where the brokers' logs go.</summary>
public enum LogDestination
{
    CloudWatchLogs,
    S3,
    Firehose,
    None,
}

/// <summary>MSK's enhanced monitoring level.</summary>
public enum MonitoringLevel
{
    Default,
    PerBroker,
    PerTopicPerBroker,
    PerTopicPerPartition,
}
