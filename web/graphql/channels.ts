import { graphql } from './generated';

export const ChannelFields = graphql(`
  fragment ChannelFields on Channel {
    id
    type
    name
    baseUrl
    models
    groups
    priority
    weight
    modelMapping
    headers
    passthroughHeaders
    keyStrategy
    streamUsage
    autoTest
    autoDisable
    config
    status
    statusReason
    responseTimeMs
    lastTestAt
    balanceUsd
    usedQuota
    maskedKeys {
      index
      masked
      disabled
    }
    timeouts {
      connectMs
      firstByteMs
      streamIdleMs
    }
  }
`);

export const ChannelsQuery = graphql(`
  query Channels($status: String, $type: String, $search: String) {
    channels(status: $status, type: $type, search: $search) {
      ...ChannelFields
    }
  }
`);

export const CreateChannelMutation = graphql(`
  mutation CreateChannel($input: CreateChannelInput!) {
    createChannel(input: $input) {
      ...ChannelFields
    }
  }
`);

export const UpdateChannelMutation = graphql(`
  mutation UpdateChannel($id: ID!, $input: UpdateChannelInput!) {
    updateChannel(id: $id, input: $input) {
      ...ChannelFields
    }
  }
`);

export const EnableChannelsMutation = graphql(`
  mutation EnableChannels($ids: [ID!]!) {
    enableChannels(ids: $ids) {
      id
      status
      statusReason
    }
  }
`);

export const DisableChannelsMutation = graphql(`
  mutation DisableChannels($ids: [ID!]!, $reason: String) {
    disableChannels(ids: $ids, reason: $reason) {
      id
      status
      statusReason
    }
  }
`);

export const SetChannelPriorityMutation = graphql(`
  mutation SetChannelPriority($ids: [ID!]!, $priority: Int!) {
    setChannelPriority(ids: $ids, priority: $priority) {
      id
      priority
    }
  }
`);

export const DeleteChannelsMutation = graphql(`
  mutation DeleteChannels($ids: [ID!]!) {
    deleteChannels(ids: $ids)
  }
`);

export const TestChannelMutation = graphql(`
  mutation TestChannel($id: ID!, $model: String) {
    testChannel(id: $id, model: $model) {
      ok
      latencyMs
      status
      error
      fatal
      model
    }
  }
`);

export const FetchChannelModelsMutation = graphql(`
  mutation FetchChannelModels($id: ID!) {
    fetchChannelModels(id: $id)
  }
`);

export const ChannelHealthSubscription = graphql(`
  subscription ChannelHealth {
    channelHealth {
      kind
      channelId
      status
      reason
      ok
      latencyMs
      error
      at
    }
  }
`);

export const StartTestChannelsMutation = graphql(`
  mutation StartTestChannels($ids: [ID!]) {
    startTestChannels(ids: $ids) {
      jobId
    }
  }
`);

export const JobProgressSubscription = graphql(`
  subscription JobProgress($jobId: ID!) {
    jobProgress(jobId: $jobId) {
      jobId
      name
      state
      progress
      message
      result
      failedReason
    }
  }
`);
