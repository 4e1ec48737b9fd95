import { PROVIDERS } from '@switchboard/shared/providers';
import { GraphQLJSON } from 'graphql-scalars';
import { Authorized, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';

@ObjectType('Provider', { description: 'A provider type a channel can use (shared/providers)' })
class ProviderType {
  @Field(() => String)
  type!: string;

  @Field(() => String)
  labelEn!: string;

  @Field(() => String)
  labelZh!: string;

  @Field(() => String, { nullable: true })
  defaultBaseUrl!: string | null;

  @Field(() => String)
  keyFormat!: string;

  @Field(() => Int)
  keyParts!: number;

  @Field(() => Boolean)
  openaiCompatible!: boolean;

  @Field(() => [String])
  capabilities!: string[];

  @Field(() => GraphQLJSON, {
    description: 'Provider-specific channel fields (name, label, kind, required, …)',
  })
  fields!: unknown;

  @Field(() => [String])
  suggestedModels!: string[];
}

@Resolver()
export class ProviderResolver {
  @Authorized()
  @Query(() => [ProviderType])
  providers(): ProviderType[] {
    return PROVIDERS.map((p) => ({ ...p, labelEn: p.label.en, labelZh: p.label.zh }));
  }
}
