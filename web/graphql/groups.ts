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
  mutation CreateGroup($name: String!, $ratio: String!, $description: String) {
    createGroup(name: $name, ratio: $ratio, description: $description) {
      id
      name
      ratio
      description
    }
  }
`);

export const UpdateGroupMutation = graphql(`
  mutation UpdateGroup($id: ID!, $ratio: String, $description: String) {
    updateGroup(id: $id, ratio: $ratio, description: $description) {
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
  query ModelPrices($search: String) {
    modelPrices(search: $search) {
      id
      model
      modelRatio
      completionRatio
      cachedRatio
      cacheWriteRatio
      reasoningRatio
      perCallQuota
      inputUsdPerMillion
      outputUsdPerMillion
    }
  }
`);

export const UpsertModelPriceMutation = graphql(`
  mutation UpsertModelPrice($input: ModelPriceInput!) {
    upsertModelPrice(input: $input) {
      id
      model
      modelRatio
      completionRatio
      cachedRatio
      cacheWriteRatio
      reasoningRatio
      perCallQuota
      inputUsdPerMillion
      outputUsdPerMillion
    }
  }
`);
