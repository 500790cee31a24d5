import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { catalogEntry } from '../../engine/catalog-entry';
import { Roles } from '../auth/auth.decorators';
import { Role } from '../auth/role';
import { CheckCatalog } from './check-catalog';
import { CheckDto } from './dto/check.dto';

@ApiTags('checks')
@ApiBearerAuth()
@Controller('v1/checks')
export class ChecksController {
  constructor(private readonly catalog: CheckCatalog) {}

  /** The catalog exactly as `kubeassay checks --format json` prints it. */
  @Get()
  @Roles(Role.Admin, Role.Consultant, Role.Client, Role.Integration)
  @ApiOkResponse({ type: [CheckDto] })
  list(): CheckDto[] {
    return this.catalog.checks.map(({ meta }) => CheckDto.from(catalogEntry(meta)));
  }
}
