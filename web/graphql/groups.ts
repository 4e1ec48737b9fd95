import { graphql } from './generated';

export const GroupNamesQuery = graphql(`
  query GroupNames {
    groups {
      name
    }
  }
`);

export const GroupsQuery = graphql(`
  query Groups {
    groups {
      id
      name
      ratio
      description
    }
  }
`);

export const CreateGroupMutation = graphql(`
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
      name
      ratio
      description
    }
  }
`);

export const UpdateGroupMutation = graphql(`
  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {
    updateGroup(id: $id, input: $input) {
      id
      name
      ratio
      description
    }
  }
`);

export const DeleteGroupMutation = graphql(`
  mutation DeleteGroup($id: ID!) {
    deleteGroup(id: $id)
  }
`);

export const ModelPricesQuery = graphql(`
  query ModelPrices {
    modelPrices {
      id
      model
      modelRatio
      completionRatio
      cachedRatio
      reasoningRatio
      perCallQuota
    }
  }
`);

export const SetModelPriceMutation = graphql(`
  mutation SetModelPrice($input: ModelPriceInput!) {
    setModelPrice(input: $input) {
      id
      model
      modelRatio
      completionRatio
      cachedRatio
      reasoningRatio
      perCallQuota
    }
  }
`);
