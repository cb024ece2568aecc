// Written by `deno task row-types`; do not edit.
/**
 * The explicit row types of `src/rows.ts` agree with the zod schemas they were written from:
 * this file does not type-check when a schema changed and `deno task row-types` was not run.
 */
import assert from "node:assert/strict";
import type { z } from "../src/deps.ts";
import type * as Rows from "../src/rows.ts";
import * as common from "../src/schemas/common.ts";
import * as day from "../src/schemas/day.ts";
import * as enums from "../src/schemas/enums.ts";
import * as activeProjects from "../src/schemas/active_projects.ts";
import * as activities from "../src/schemas/activities.ts";
import * as aoi from "../src/schemas/aoi.ts";
import * as catalogue from "../src/schemas/catalogue.ts";
import * as comments from "../src/schemas/comments.ts";
import * as contributions from "../src/schemas/contributions.ts";
import * as levels from "../src/schemas/levels.ts";
import * as mappedTasks from "../src/schemas/mapped_tasks.ts";
import * as organisations from "../src/schemas/organisations.ts";
import * as project from "../src/schemas/project.ts";
import * as projects from "../src/schemas/projects.ts";
import * as system from "../src/schemas/system.ts";
import * as taskStatistics from "../src/schemas/task_statistics.ts";
import * as tasks from "../src/schemas/tasks.ts";
import * as teams from "../src/schemas/teams.ts";
import * as userProfile from "../src/schemas/user_profile.ts";
import * as userTasks from "../src/schemas/user_tasks.ts";
import * as usersDirectory from "../src/schemas/users_directory.ts";
import * as users from "../src/schemas/users.ts";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function same<A, B>(value: Same<A, B>): Same<A, B> {
  return value;
}

const CHECKS = {
  "Pagination": same<z.output<typeof common.Pagination>, Rows.Pagination>(true),
  "TmDateTime": same<z.output<typeof common.TmDateTime>, Rows.TmDateTime>(true),
  "TaskId": same<z.output<typeof common.TaskId>, Rows.TaskId>(true),
  "CampaignRef": same<z.output<typeof common.CampaignRef>, Rows.CampaignRef>(true),
  "Geometry": same<z.output<typeof common.Geometry>, Rows.Geometry>(true),
  "TmDay": same<z.output<typeof day.TmDay>, Rows.TmDay>(true),
  "ProjectStatus": same<z.output<typeof enums.ProjectStatus>, Rows.ProjectStatus>(true),
  "ProjectPriority": same<z.output<typeof enums.ProjectPriority>, Rows.ProjectPriority>(true),
  "ProjectDifficulty": same<z.output<typeof enums.ProjectDifficulty>, Rows.ProjectDifficulty>(true),
  "MappingType": same<z.output<typeof enums.MappingType>, Rows.MappingType>(true),
  "TaskStatus": same<z.output<typeof enums.TaskStatus>, Rows.TaskStatus>(true),
  "TaskAction": same<z.output<typeof enums.TaskAction>, Rows.TaskAction>(true),
  "Editor": same<z.output<typeof enums.Editor>, Rows.Editor>(true),
  "Permission": same<z.output<typeof enums.Permission>, Rows.Permission>(true),
  "TaskCreationMode": same<z.output<typeof enums.TaskCreationMode>, Rows.TaskCreationMode>(true),
  "UserRole": same<z.output<typeof enums.UserRole>, Rows.UserRole>(true),
  "TeamRole": same<z.output<typeof enums.TeamRole>, Rows.TeamRole>(true),
  "OrganisationType": same<z.output<typeof enums.OrganisationType>, Rows.OrganisationType>(true),
  "ActiveProjectFeature": same<
    z.output<typeof activeProjects.ActiveProjectFeature>,
    Rows.ActiveProjectFeature
  >(true),
  "ActiveProjects": same<z.output<typeof activeProjects.ActiveProjects>, Rows.ActiveProjects>(true),
  "HistoryIssue": same<z.output<typeof activities.HistoryIssue>, Rows.HistoryIssue>(true),
  "Activity": same<z.output<typeof activities.Activity>, Rows.Activity>(true),
  "ActivityPage": same<z.output<typeof activities.ActivityPage>, Rows.ActivityPage>(true),
  "LatestActivity": same<z.output<typeof activities.LatestActivity>, Rows.LatestActivity>(true),
  "LatestActivityList": same<
    z.output<typeof activities.LatestActivityList>,
    Rows.LatestActivityList
  >(true),
  "AreaOfInterest": same<z.output<typeof aoi.AreaOfInterest>, Rows.AreaOfInterest>(true),
  "CampaignList": same<z.output<typeof catalogue.CampaignList>, Rows.CampaignList>(true),
  "Interest": same<z.output<typeof catalogue.Interest>, Rows.Interest>(true),
  "InterestList": same<z.output<typeof catalogue.InterestList>, Rows.InterestList>(true),
  "CountryList": same<z.output<typeof catalogue.CountryList>, Rows.CountryList>(true),
  "ChatMessage": same<z.output<typeof comments.ChatMessage>, Rows.ChatMessage>(true),
  "ProjectChat": same<z.output<typeof comments.ProjectChat>, Rows.ProjectChat>(true),
  "UserContribution": same<z.output<typeof contributions.UserContribution>, Rows.UserContribution>(
    true,
  ),
  "ContributionList": same<z.output<typeof contributions.ContributionList>, Rows.ContributionList>(
    true,
  ),
  "DayContribution": same<z.output<typeof contributions.DayContribution>, Rows.DayContribution>(
    true,
  ),
  "ContributionsByDay": same<
    z.output<typeof contributions.ContributionsByDay>,
    Rows.ContributionsByDay
  >(true),
  "MappingLevel": same<z.output<typeof levels.MappingLevel>, Rows.MappingLevel>(true),
  "MappingLevelList": same<z.output<typeof levels.MappingLevelList>, Rows.MappingLevelList>(true),
  "MappedTasksByUser": same<z.output<typeof mappedTasks.MappedTasksByUser>, Rows.MappedTasksByUser>(
    true,
  ),
  "MappedTasks": same<z.output<typeof mappedTasks.MappedTasks>, Rows.MappedTasks>(true),
  "Organisation": same<z.output<typeof organisations.Organisation>, Rows.Organisation>(true),
  "OrganisationList": same<z.output<typeof organisations.OrganisationList>, Rows.OrganisationList>(
    true,
  ),
  "OrganisationStatistics": same<
    z.output<typeof organisations.OrganisationStatistics>,
    Rows.OrganisationStatistics
  >(true),
  "ProjectInfo": same<z.output<typeof project.ProjectInfo>, Rows.ProjectInfo>(true),
  "ProjectTeam": same<z.output<typeof project.ProjectTeam>, Rows.ProjectTeam>(true),
  "CustomEditor": same<z.output<typeof project.CustomEditor>, Rows.CustomEditor>(true),
  "TaskProperties": same<z.output<typeof project.TaskProperties>, Rows.TaskProperties>(true),
  "TaskCollection": same<z.output<typeof project.TaskCollection>, Rows.TaskCollection>(true),
  "ProjectDetail": same<z.output<typeof project.ProjectDetail>, Rows.ProjectDetail>(true),
  "SummaryCampaign": same<z.output<typeof project.SummaryCampaign>, Rows.SummaryCampaign>(true),
  "ProjectSummary": same<z.output<typeof project.ProjectSummary>, Rows.ProjectSummary>(true),
  "ProjectStatistics": same<z.output<typeof project.ProjectStatistics>, Rows.ProjectStatistics>(
    true,
  ),
  "ProjectSearchResult": same<
    z.output<typeof projects.ProjectSearchResult>,
    Rows.ProjectSearchResult
  >(true),
  "ProjectSearchPage": same<z.output<typeof projects.ProjectSearchPage>, Rows.ProjectSearchPage>(
    true,
  ),
  "Heartbeat": same<z.output<typeof system.Heartbeat>, Rows.Heartbeat>(true),
  "SystemStatistics": same<z.output<typeof system.SystemStatistics>, Rows.SystemStatistics>(true),
  "TaskStatisticsDay": same<
    z.output<typeof taskStatistics.TaskStatisticsDay>,
    Rows.TaskStatisticsDay
  >(true),
  "TaskStatisticsBody": same<
    z.output<typeof taskStatistics.TaskStatisticsBody>,
    Rows.TaskStatisticsBody
  >(true),
  "TaskHistoryEntry": same<z.output<typeof tasks.TaskHistoryEntry>, Rows.TaskHistoryEntry>(true),
  "TaskDetail": same<z.output<typeof tasks.TaskDetail>, Rows.TaskDetail>(true),
  "TeamMember": same<z.output<typeof teams.TeamMember>, Rows.TeamMember>(true),
  "Team": same<z.output<typeof teams.Team>, Rows.Team>(true),
  "TeamList": same<z.output<typeof teams.TeamList>, Rows.TeamList>(true),
  "TeamDetail": same<z.output<typeof teams.TeamDetail>, Rows.TeamDetail>(true),
  "UserProfile": same<z.output<typeof userProfile.UserProfile>, Rows.UserProfile>(true),
  "UserTask": same<z.output<typeof userTasks.UserTask>, Rows.UserTask>(true),
  "UserTaskPage": same<z.output<typeof userTasks.UserTaskPage>, Rows.UserTaskPage>(true),
  "ListedUser": same<z.output<typeof usersDirectory.ListedUser>, Rows.ListedUser>(true),
  "UserDirectory": same<z.output<typeof usersDirectory.UserDirectory>, Rows.UserDirectory>(true),
  "CountryContribution": same<z.output<typeof users.CountryContribution>, Rows.CountryContribution>(
    true,
  ),
  "UserDayContribution": same<z.output<typeof users.UserDayContribution>, Rows.UserDayContribution>(
    true,
  ),
  "InterestContribution": same<
    z.output<typeof users.InterestContribution>,
    Rows.InterestContribution
  >(true),
  "UserStatistics": same<z.output<typeof users.UserStatistics>, Rows.UserStatistics>(true),
  "TouchedProject": same<z.output<typeof users.TouchedProject>, Rows.TouchedProject>(true),
  "TouchedProjectList": same<z.output<typeof users.TouchedProjectList>, Rows.TouchedProjectList>(
    true,
  ),
  "ProjectUserStatistics": same<
    z.output<typeof users.ProjectUserStatistics>,
    Rows.ProjectUserStatistics
  >(true),
};

Deno.test("src/rows.ts spells out every schema's output type", () => {
  assert.equal(Object.keys(CHECKS).length, 76);
  assert.ok(Object.values(CHECKS).every((agrees) => agrees === true));
});
