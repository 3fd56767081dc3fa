import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContext, CommandOutcome, ProjectionProgress } from '@app/application';
import { ErrorResponseFilter } from '../http/error-response.filter';
import { consoleCommandContext } from './console-command-context';
import { checkForm } from './console-form';
import { ConsoleRequest } from './console-request';

const API_ERRORS = new ErrorResponseFilter();

/**
 * A console form sent as the API sends it: checked by the endpoint's own DTO, executed on the
 * command bus with the session's context, then waited for until the read models have it (the
 * page that follows shows it). Answers the refusal to show in the form, or null once done;
 * what the API would answer with a 5xx is thrown to the error page.
 */
@Injectable()
export class ConsoleCommandRunner {
  constructor(
    private readonly bus: CommandBus,
    private readonly progress: ProjectionProgress,
  ) {}

  async run<Body extends object>(
    request: ConsoleRequest,
    dto: new () => Body,
    form: Record<string, unknown>,
    command: (body: Body, context: CommandContext) => object,
  ): Promise<string | null> {
    const checked = await checkForm(dto, form);
    if (checked.problems !== null) return checked.problems;
    try {
      const outcome: CommandOutcome = await this.bus.execute(
        command(checked.body, consoleCommandContext(request)),
      );
      if (outcome.position !== null) await this.progress.waitFor(BigInt(outcome.position));
      return null;
    } catch (error) {
      const answer = API_ERRORS.toResponse(error);
      if (answer.statusCode >= 500) throw error;
      return answer.message;
    }
  }
}
